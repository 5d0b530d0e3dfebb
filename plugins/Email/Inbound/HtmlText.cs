using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sahut.Plugins.Email.Inbound;

/// <summary>Plain text of an HTML-only email (for the body, previews and search), keeping line and paragraph breaks.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockElements = ["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "pre"];

    public static string From(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        Append(document.Body ?? (INode)document, text);
        return text.ToString().Trim();
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText textNode:
                    text.Append(textNode.Data.ReplaceLineEndings(" "));
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "script" or "style" or "head" }:
                    break;
                case IElement element:
                    var block = BlockElements.Contains(element.LocalName);
                    if (block && text.Length > 0 && text[^1] != '\n')
                    {
                        text.Append('\n');
                    }

                    Append(element, text);
                    if (block && text.Length > 0 && text[^1] != '\n')
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }
}
