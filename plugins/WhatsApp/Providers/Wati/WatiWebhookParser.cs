using System.Text.Json;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Wati;

/// <summary>
/// Wati's flat webhook (one event per POST, <c>eventType</c>). Messages the business sent (<c>owner: true</c>, from
/// Sahut or Wati's own inbox) are echoes: they never become inbound messages, at most a status of our message.
/// Status events carry up to three ids (Wati's <c>localMessageId</c>, the <c>whatsappMessageId</c> and Wati's own
/// <c>id</c>); a template send only returns the first, a session send the second or third, so the status is reported
/// under each of them and joins whichever one the send stored.
/// </summary>
internal static class WatiWebhookParser
{
    private static readonly HashSet<string> MediaKinds = [MessageKinds.Image, MessageKinds.Audio, MessageKinds.Video, MessageKinds.Document, MessageKinds.Sticker];

    public static WebhookBatch Parse(ReadOnlyMemory<byte> rawBody)
    {
        using var document = Parse(rawBody.Span);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.Text("eventType") is not { } eventType)
        {
            throw new WebhookFormatException("The body has no eventType.");
        }

        IReadOnlyList<InboundEvent> events = root.Flag("owner") || eventType != "message" ? Statuses(root, eventType) : [Message(root)];
        return events.Count == 0 ? WebhookBatch.Empty : new WebhookBatch([new PhoneNumberEvents(null, events)], []);
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException("The body is not JSON.", ex);
        }
    }

    private static InboundMessage Message(JsonElement root)
    {
        var id = root.Text("whatsappMessageId") ?? root.Text("id") ?? throw new WebhookFormatException("The message has no id.");
        var waId = root.Text("waId") ?? throw new WebhookFormatException("The message has no waId.");
        var type = root.Text("type") ?? MessageKinds.Text;
        var kind = type switch
        {
            "voice" => MessageKinds.Audio,
            "text" or "image" or "audio" or "video" or "document" or "sticker" or "location" or "contacts" or "interactive" or "button" or "reaction" => type,
            _ => MessageKinds.Unsupported,
        };
        List<InboundAttachment> attachments = [];
        if (MediaKinds.Contains(kind) && root.Text("data") is { } media)
        {
            // Unverified against live Wati traffic: media arrives as a file reference in "data", fetched with the API token.
            attachments.Add(new InboundAttachment(MediaFileNames.For(kind, Path.GetFileName(media), "application/octet-stream", id), "application/octet-stream", media, null));
        }

        var metadata = new InboundMetadata
        {
            ["watiConversationId"] = root.Text("conversationId"),
            ["originalType"] = kind == MessageKinds.Unsupported ? type : null,
        }.ToJson();
        return new InboundMessage(id, "+" + waId, root.Text("senderName"), root.Timestamp("timestamp"), kind, root.Text("text"), attachments, Metadata: metadata);
    }

    private static IReadOnlyList<InboundEvent> Statuses(JsonElement root, string eventType)
    {
        var upper = (eventType + " " + root.Text("statusString")).ToUpperInvariant();
        DeliveryStatus? status = upper.Contains("FAIL", StringComparison.Ordinal) ? DeliveryStatus.Failed
            : upper.Contains("READ", StringComparison.Ordinal) ? DeliveryStatus.Read
            : upper.Contains("DELIVERED", StringComparison.Ordinal) ? DeliveryStatus.Delivered
            : upper.Contains("SENT", StringComparison.Ordinal) ? DeliveryStatus.Sent
            : null;
        if (status is not { } s)
        {
            return [];
        }

        var failed = s == DeliveryStatus.Failed;
        var code = failed ? root.Text("failedCode") ?? "wati-failed" : null;
        var reason = failed ? root.Text("failedDetail") ?? root.Text("statusString") : null;
        var at = root.Timestamp("timestamp");
        return new[] { root.Text("localMessageId"), root.Text("whatsappMessageId"), root.Text("id") }
            .OfType<string>()
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(id => (InboundEvent)new InboundStatus(id, s, at, code, reason))
            .ToList();
    }
}
