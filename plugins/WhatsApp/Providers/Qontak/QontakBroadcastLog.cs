using System.Text.Json;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;

namespace Sahut.Plugins.WhatsApp.Providers.Qontak;

/// <summary>
/// What <c>GET /broadcasts/{id}/whatsapp/log</c> says about a direct broadcast's one message (npm @mimamch/qontak
/// <c>GetLogWhatsappMessageOutboundDirectResponse</c>): <c>{"data": {"messages_broadcast_id", "status",
/// "whatsapp_message_id", "whatsapp_error_message", "messages_response": {"messages": [{"id"}], …}}, "meta": …}</c>.
/// <see cref="WhatsAppMessageId"/> stays null until Qontak has handed the message to WhatsApp.
/// </summary>
internal sealed record QontakBroadcastLog(string? WhatsAppMessageId, DeliveryStatus? Status, string? Error)
{
    // "data" is typed as one object; with "meta.pagination" beside it a list is as plausible, so both are read.
    public static QontakBroadcastLog From(JsonElement root)
    {
        var entries = root.Child("data") switch
        {
            { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().ToList(),
            { ValueKind: JsonValueKind.Object } one => [one],
            _ => [],
        };
        var entry = entries.FirstOrDefault(e => WhatsAppIdOf(e) is not null);
        if (entry.ValueKind == JsonValueKind.Undefined)
        {
            entry = entries.FirstOrDefault();
        }

        if (entry.ValueKind != JsonValueKind.Object)
        {
            return new QontakBroadcastLog(null, null, null);
        }

        DeliveryStatus? status = entry.Text("status")?.ToLowerInvariant() switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        return new QontakBroadcastLog(WhatsAppIdOf(entry), status, entry.Text("whatsapp_error_message") is { Length: > 0 } error ? error : null);
    }

    private static string? WhatsAppIdOf(JsonElement entry) =>
        (entry.Text("whatsapp_message_id") ?? entry.Child("messages_response")?.Items("messages").Select(m => m.Text("id")).FirstOrDefault()) is { Length: > 0 } id ? id : null;
}
