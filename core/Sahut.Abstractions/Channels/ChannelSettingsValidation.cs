using System.Text.Json.Nodes;

namespace Sahut.Channels;

/// <summary>Result of validating channel settings: errors by field, or the normalised settings to store.</summary>
public sealed record ChannelSettingsValidation(JsonObject? Settings, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static ChannelSettingsValidation Valid(JsonObject settings) => new(settings, new Dictionary<string, string[]>());

    public static ChannelSettingsValidation Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);
}
