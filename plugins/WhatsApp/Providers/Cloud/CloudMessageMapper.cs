using System.Text.Json;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Cloud;

/// <summary>Maps one Cloud API <c>messages[]</c> item (every type Meta documents) to an inbound message.</summary>
internal static class CloudMessageMapper
{
    private static readonly HashSet<string> MediaKinds = [MessageKinds.Image, MessageKinds.Audio, MessageKinds.Video, MessageKinds.Document, MessageKinds.Sticker];

    public static InboundMessage Map(JsonElement message, IReadOnlyDictionary<string, string?> namesByWaId)
    {
        var id = message.Text("id") ?? throw new WebhookFormatException("A message has no id.");
        var type = message.Text("type") ?? MessageKinds.Unsupported;
        var waId = message.Text("from");
        var from = waId is not null ? "+" + waId : message.Text("from_user_id") ?? throw new WebhookFormatException($"Message {id} has no sender.");
        var name = waId is not null ? namesByWaId.GetValueOrDefault(waId) : null;
        var context = message.Child("context");
        var quoted = context?.Text("id");
        var extra = new InboundMetadata
        {
            ["fromUserId"] = message.Text("from_user_id"),
            ["quotedProviderMessageId"] = quoted,
            ["forwarded"] = context is { } c && (c.Flag("forwarded") || c.Flag("frequently_forwarded")) ? true : null,
            ["referral"] = message.Child("referral") is { } referral ? JsonSerializer.Deserialize<JsonElement>(referral.GetRawText()) : null,
        };

        string kind;
        string? body;
        List<InboundAttachment> attachments = [];
        var payload = message.Child(type);
        if (MediaKinds.Contains(type) && payload is { } media)
        {
            kind = type;
            body = media.Text("caption");
            var mediaId = media.Text("id") ?? throw new WebhookFormatException($"Message {id} has {type} without a media id.");
            var contentType = media.Text("mime_type") ?? "application/octet-stream";
            attachments.Add(new InboundAttachment(MediaFileNames.For(type, media.Text("filename"), contentType, mediaId), contentType, mediaId, null));
            extra["voice"] = media.Flag("voice") ? true : null;
            extra["animated"] = media.Flag("animated") ? true : null;
            extra["sha256"] = media.Text("sha256");
        }
        else
        {
            (kind, body) = type switch
            {
                "text" => (MessageKinds.Text, payload?.Text("body")),
                "location" => (MessageKinds.Location, Location(payload, extra)),
                "contacts" => (MessageKinds.Contacts, SharedContacts(message, extra)),
                "interactive" => (MessageKinds.Interactive, Interactive(payload, extra)),
                "button" => (MessageKinds.Button, Button(payload, extra)),
                "reaction" => (MessageKinds.Reaction, Reaction(payload, extra, ref quoted)),
                _ => (MessageKinds.Unsupported, Unsupported(message, type, extra)),
            };
        }

        return new InboundMessage(
            id,
            from,
            name,
            message.Timestamp("timestamp"),
            kind,
            body,
            attachments,
            ReplyToProviderMessageId: quoted,
            Metadata: extra.ToJson());
    }

    private static string? Location(JsonElement? location, InboundMetadata extra)
    {
        if (location is not { } l)
        {
            return null;
        }

        extra["latitude"] = l.Child("latitude")?.GetDouble();
        extra["longitude"] = l.Child("longitude")?.GetDouble();
        extra["name"] = l.Text("name");
        extra["address"] = l.Text("address");
        extra["url"] = l.Text("url");
        var label = string.Join(", ", new[] { l.Text("name"), l.Text("address") }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return label.Length > 0 ? label : $"{l.Text("latitude")}, {l.Text("longitude")}";
    }

    private static string? SharedContacts(JsonElement message, InboundMetadata extra)
    {
        var contacts = message.Items("contacts").ToList();
        extra["contacts"] = contacts.Select(c => new
        {
            name = c.Child("name")?.Text("formatted_name"),
            phones = c.Items("phones").Select(p => new { phone = p.Text("phone"), waId = p.Text("wa_id"), type = p.Text("type") }).ToList(),
            emails = c.Items("emails").Select(e => e.Text("email")).Where(e => e is not null).ToList(),
            org = c.Child("org")?.Text("company"),
        }).ToList();
        return string.Join("\n", contacts.Select(c =>
            string.Join(" ", new[] { c.Child("name")?.Text("formatted_name") }.Concat(c.Items("phones").Select(p => p.Text("phone"))).Where(s => s is not null))));
    }

    private static string? Interactive(JsonElement? interactive, InboundMetadata extra)
    {
        if (interactive is not { } i)
        {
            return null;
        }

        var replyType = i.Text("type");
        extra["interactiveType"] = replyType;
        if (replyType is not null && i.Child(replyType) is { } reply)
        {
            extra["replyId"] = reply.Text("id");
            extra["description"] = reply.Text("description");
            extra["responseJson"] = reply.Text("response_json");
            return reply.Text("title") ?? reply.Text("body");
        }

        return null;
    }

    private static string? Button(JsonElement? button, InboundMetadata extra)
    {
        extra["payload"] = button?.Text("payload");
        return button?.Text("text");
    }

    private static string? Reaction(JsonElement? reaction, InboundMetadata extra, ref string? quoted)
    {
        quoted = reaction?.Text("message_id");
        extra["quotedProviderMessageId"] = quoted;
        var emoji = reaction?.Text("emoji");
        extra["emoji"] = emoji;
        extra["removed"] = string.IsNullOrEmpty(emoji) ? true : null;
        return string.IsNullOrEmpty(emoji) ? null : emoji;
    }

    private static string? Unsupported(JsonElement message, string type, InboundMetadata extra)
    {
        var error = message.Items("errors").FirstOrDefault();
        extra["originalType"] = type;
        extra["errorCode"] = error.ValueKind == JsonValueKind.Object ? error.Text("code") : null;
        extra["errorDetails"] = error.ValueKind == JsonValueKind.Object ? error.Child("error_data")?.Text("details") : null;
        return error.ValueKind == JsonValueKind.Object ? error.Text("title") : null;
    }
}
