using System.Text.Json;

namespace Sahut.Plugins.WhatsApp.Webhooks;

/// <summary>Serialises the extra data of an inbound message (location, quoted message, button payload …) for the inbox.</summary>
internal static class InboundMetadata
{
    public static string? Of(IReadOnlyDictionary<string, object?> values)
    {
        var present = values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value);
        return present.Count == 0 ? null : JsonSerializer.Serialize(present, JsonSerializerOptions.Web);
    }
}
