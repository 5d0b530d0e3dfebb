using System.Text.Json;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Wati;

/// <summary>
/// Wati's flat webhook (one event per POST, <c>eventType</c>). Messages the business sent (<c>owner: true</c>, from
/// Sahut or Wati's own inbox) are echoes: they never become inbound messages, at most a status of our message.
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

        InboundEvent? inbound = root.Flag("owner") || eventType != "message" ? Status(root, eventType) : Message(root);
        return inbound is null ? WebhookBatch.Empty : new WebhookBatch([new PhoneNumberEvents(null, [inbound])], []);
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

        var metadata = InboundMetadata.Of(new Dictionary<string, object?>
        {
            ["watiConversationId"] = root.Text("conversationId"),
            ["originalType"] = kind == MessageKinds.Unsupported ? type : null,
        });
        return new InboundMessage(id, "+" + waId, root.Text("senderName"), root.Timestamp("timestamp"), kind, root.Text("text"), attachments, Metadata: metadata);
    }

    private static InboundStatus? Status(JsonElement root, string eventType)
    {
        var id = root.Text("whatsappMessageId") ?? root.Text("localMessageId") ?? root.Text("id");
        var upper = (eventType + " " + root.Text("statusString")).ToUpperInvariant();
        DeliveryStatus? status = upper.Contains("FAIL", StringComparison.Ordinal) ? DeliveryStatus.Failed
            : upper.Contains("READ", StringComparison.Ordinal) ? DeliveryStatus.Read
            : upper.Contains("DELIVERED", StringComparison.Ordinal) ? DeliveryStatus.Delivered
            : upper.Contains("SENT", StringComparison.Ordinal) ? DeliveryStatus.Sent
            : null;
        return id is null || status is not { } s
            ? null
            : new InboundStatus(id, s, root.Timestamp("timestamp"), s == DeliveryStatus.Failed ? "wati-failed" : null, s == DeliveryStatus.Failed ? root.Text("failedDetail") ?? root.Text("statusString") : null);
    }
}
