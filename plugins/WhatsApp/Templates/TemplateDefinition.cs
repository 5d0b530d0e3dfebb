namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>A message template as the provider describes it; <see cref="ComponentsJson"/> is Meta's <c>components</c> array.</summary>
internal sealed record TemplateDefinition(
    string Name,
    string Language,
    string Status,
    string? Category,
    string ParameterFormat,
    string? ProviderTemplateId,
    string ComponentsJson)
{
    public const string Approved = "APPROVED";
    public const string Named = "NAMED";
    public const string Positional = "POSITIONAL";

    public bool IsApproved => string.Equals(Status, Approved, StringComparison.OrdinalIgnoreCase);

    public bool IsNamed => string.Equals(ParameterFormat, Named, StringComparison.OrdinalIgnoreCase);
}
