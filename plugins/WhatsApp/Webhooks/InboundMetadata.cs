using System.Text.Json;

namespace Sahut.Plugins.WhatsApp.Webhooks;

/// <summary>
/// The extra data of an inbound message (location, quoted message, button payload …) for the inbox, serialised as one
/// JSON object of the values that are present. Setting a value to null removes it. Most messages carry none, so the
/// dictionary is made only for the first value present (a dictionary per message was a visible share of a webhook).
/// </summary>
internal sealed class InboundMetadata
{
    private Dictionary<string, object?>? present;

    public object? this[string key]
    {
        set
        {
            if (value is not null)
            {
                (present ??= new Dictionary<string, object?>(StringComparer.Ordinal))[key] = value;
            }
            else
            {
                present?.Remove(key);
            }
        }
    }

    public string? ToJson() => present is { Count: > 0 } values ? JsonSerializer.Serialize(values, JsonSerializerOptions.Web) : null;
}
