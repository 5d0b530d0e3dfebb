using AngleSharp.Dom;
using Ganss.Xss;

namespace Sahut.Plugins.Email.Inbound;

/// <summary>
/// Makes customer HTML safe to show in the inbox: no scripts or active content (HtmlSanitizer), and nothing loads from
/// the network by default — remote image sources move to <c>data-remote-src</c> so the view can offer "show images".
/// Inline images keep their <c>cid:</c> source, which the view maps to the stored attachment. Quoted history gets the
/// class <c>sahut-quoted</c> so the view can collapse it.
/// </summary>
internal sealed class EmailHtmlSanitizer
{
    public const string QuotedClass = "sahut-quoted";
    public const string RemoteSourcePrefix = "data-remote-";

    private static readonly string[] UrlAttributes = ["src", "background", "poster", "srcset"];
    private readonly HtmlSanitizer sanitizer;

    public EmailHtmlSanitizer()
    {
        sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("cid");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("type");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element)
            {
                Neutralise(element);
            }
        };
    }

    public string Sanitize(string html) => sanitizer.Sanitize(html);

    private static void Neutralise(IElement element)
    {
        foreach (var name in UrlAttributes)
        {
            if (element.GetAttribute(name) is { } value && !value.TrimStart().StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
            {
                element.RemoveAttribute(name);
                element.SetAttribute(RemoteSourcePrefix + name, value);
            }
        }

        // CSS url() can fetch remote images too (tracking pixels in backgrounds).
        if (element.GetAttribute("style") is { } style && style.Contains("url(", StringComparison.OrdinalIgnoreCase))
        {
            element.RemoveAttribute("style");
        }

        if (element.LocalName == "a" && element.HasAttribute("href"))
        {
            element.SetAttribute("target", "_blank");
            element.SetAttribute("rel", "noopener noreferrer nofollow");
        }

        if (IsQuotedHistory(element))
        {
            element.ClassList.Add(QuotedClass);
        }
    }

    private static bool IsQuotedHistory(IElement element) =>
        (element.LocalName == "blockquote" && string.Equals(element.GetAttribute("type"), "cite", StringComparison.OrdinalIgnoreCase))
        || element.ClassList.Contains("gmail_quote")
        || element.ClassList.Contains("yahoo_quoted")
        || element.Id is "appendonsend" or "divRplyFwdMsg";
}
