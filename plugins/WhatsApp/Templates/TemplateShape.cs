using System.Text.Json;
using System.Text.RegularExpressions;
using Sahut.Plugins.WhatsApp.Json;

namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>
/// The parameters a template expects, in the order the flat API parameter list fills them: header media (named
/// <c>header</c>), header text placeholders, body placeholders, then URL-button placeholders (named <c>button_{index}</c>).
/// </summary>
internal sealed partial record TemplateShape(
    string? HeaderMediaFormat,
    IReadOnlyList<string> HeaderText,
    IReadOnlyList<string> Body,
    IReadOnlyList<int> UrlButtons)
{
    public const string HeaderMediaName = "header";

    public static readonly IReadOnlySet<string> MediaFormats = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "IMAGE", "VIDEO", "DOCUMENT" };

    public int Count => (HeaderMediaFormat is null ? 0 : 1) + HeaderText.Count + Body.Count + UrlButtons.Count;

    /// <summary>Every expected parameter name, for named templates.</summary>
    public IEnumerable<string> Names =>
        (HeaderMediaFormat is null ? [] : new[] { HeaderMediaName }).Concat(HeaderText).Concat(Body).Concat(UrlButtons.Select(ButtonName));

    public static string ButtonName(int index) => $"button_{index}";

    public static TemplateShape Of(TemplateDefinition template)
    {
        using var document = JsonDocument.Parse(template.ComponentsJson);
        string? headerMedia = null;
        List<string> header = [], body = [];
        List<int> buttons = [];
        foreach (var component in document.RootElement.EnumerateArray())
        {
            switch (component.Text("type")?.ToUpperInvariant())
            {
                case "HEADER":
                    var format = component.Text("format")?.ToUpperInvariant();
                    if (format is not null && MediaFormats.Contains(format))
                    {
                        headerMedia = format;
                    }
                    else
                    {
                        header.AddRange(Placeholders(component.Text("text")));
                    }

                    break;
                case "BODY":
                    body.AddRange(Placeholders(component.Text("text")));
                    break;
                case "BUTTONS":
                    var index = 0;
                    foreach (var button in component.Items("buttons"))
                    {
                        if (string.Equals(button.Text("type"), "URL", StringComparison.OrdinalIgnoreCase) && Placeholders(button.Text("url")).Any())
                        {
                            buttons.Add(index);
                        }

                        index++;
                    }

                    break;
            }
        }

        return new TemplateShape(headerMedia, header, body, buttons);
    }

    /// <summary>Distinct placeholders in order of first appearance: <c>{{1}}</c> or <c>{{name}}</c>.</summary>
    public static IEnumerable<string> Placeholders(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
