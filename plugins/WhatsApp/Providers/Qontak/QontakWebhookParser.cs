using System.Text.Json;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Qontak;

/// <summary>
/// Qontak's "message interaction" webhook: one flat message with its <c>room</c>. Only <c>participant_type:
/// customer</c> is a customer message; agent and bot messages (Sahut's own included) are echoes and only carry the
/// delivery status of that message, under Qontak's message id and (<c>external_id</c>) the WhatsApp message id, which is
/// what links a broadcast's status to the template Sahut sent. The room id is the conversation's thread key, because
/// replies go to a room.
/// </summary>
internal static class QontakWebhookParser
{
    private static readonly HashSet<string> MediaKinds = [MessageKinds.Image, MessageKinds.Audio, MessageKinds.Video, MessageKinds.Document, MessageKinds.Sticker];

    public static WebhookBatch Parse(ReadOnlyMemory<byte> rawBody)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(rawBody);
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException("The body is not JSON.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.Text("id") is not { } id || root.Text("participant_type") is not { } participant)
            {
                throw new WebhookFormatException("The body is not a Qontak message (id, participant_type).");
            }

            if (participant == "customer")
            {
                return new WebhookBatch([new PhoneNumberEvents(null, [Message(root, id)])], []);
            }

            return Status(root, id) switch
            {
                null => WebhookBatch.Empty,
                { } status when root.Text("external_id") is { Length: > 0 } whatsAppId => new WebhookBatch([], [], [new WhatsAppIdStatus(status, whatsAppId)]),
                { } status => new WebhookBatch([new PhoneNumberEvents(null, [status])], []),
            };
        }
    }

    private static InboundMessage Message(JsonElement root, string id)
    {
        var room = root.Child("room") ?? throw new WebhookFormatException("The message has no room.");
        var phone = room.Text("account_uniq_id") ?? throw new WebhookFormatException("The room has no customer number.");
        var type = root.Text("type") ?? MessageKinds.Text;
        var kind = type switch
        {
            "text" or "image" or "audio" or "video" or "document" or "sticker" or "location" or "contacts" or "interactive" or "button" or "reaction" => type,
            "voice" => MessageKinds.Audio,
            "file" => MessageKinds.Document,
            _ => MessageKinds.Unsupported,
        };
        List<InboundAttachment> attachments = [];
        // Unverified against live Qontak traffic: media is described by a "file" object with a download URL.
        if (MediaKinds.Contains(kind) && root.Child("file") is { } file && file.Text("url") is { } url)
        {
            var contentType = file.Text("content_type") ?? "application/octet-stream";
            attachments.Add(new InboundAttachment(MediaFileNames.For(kind, file.Text("filename"), contentType, id), contentType, url, null));
        }

        var timestamp = root.Timestamp("created_at");
        var metadata = new InboundMetadata
        {
            ["qontakRoomId"] = room.Text("id"),
            ["whatsappMessageId"] = root.Text("external_id"),
            ["originalType"] = kind == MessageKinds.Unsupported ? type : null,
        }.ToJson();
        return new InboundMessage(id, "+" + phone, root.Child("sender")?.Text("name") ?? room.Text("name"), timestamp, kind, root.Text("text"), attachments,
            ThreadKey: room.Text("id"), Metadata: metadata);
    }

    private static InboundStatus? Status(JsonElement root, string id)
    {
        DeliveryStatus? status = root.Text("status") switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        return status is { } s ? new InboundStatus(id, s, root.Timestamp("created_at"), s == DeliveryStatus.Failed ? "qontak-failed" : null, s == DeliveryStatus.Failed ? root.Text("error") ?? "Qontak reported the message failed." : null) : null;
    }
}
