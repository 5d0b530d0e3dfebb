namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>A template as the picker needs it: what to call it, what it says, and which parameters to ask for.</summary>
internal sealed record TemplateView(string Name, string Language, string Status, string? Category, string ParameterFormat, IReadOnlyList<string> Parameters, string? Body)
{
    public static TemplateView Of(TemplateDefinition template)
    {
        var shape = TemplateShape.Of(template);
        var parameters = template.IsNamed ? shape.Names.ToList() : Enumerable.Range(1, shape.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new TemplateView(template.Name, template.Language, template.Status, template.Category, template.ParameterFormat, parameters, BodyText(template));
    }

    private static string? BodyText(TemplateDefinition template)
    {
        using var document = System.Text.Json.JsonDocument.Parse(template.ComponentsJson);
        return document.RootElement.EnumerateArray()
            .Where(c => c.TryGetProperty("type", out var type) && string.Equals(type.GetString(), "BODY", StringComparison.OrdinalIgnoreCase))
            .Select(c => c.TryGetProperty("text", out var text) ? text.GetString() : null)
            .FirstOrDefault();
    }
}
