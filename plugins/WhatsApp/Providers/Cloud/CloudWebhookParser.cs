using System.Text.Json;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Cloud;

/// <summary>
/// Parses Meta's <c>object/entry[]/changes[]/value</c> envelope. Every entry, change, message and status is handled
/// (Meta batches); unknown change fields and message types are tolerated.
/// </summary>
internal static class CloudWebhookParser
{
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
            if (root.ValueKind != JsonValueKind.Object || root.Child("entry") is not { ValueKind: JsonValueKind.Array } entries)
            {
                throw new WebhookFormatException("The body has no entry array.");
            }

            if (root.Text("object") is { } objectType && objectType != "whatsapp_business_account")
            {
                return WebhookBatch.Empty;
            }

            var events = new List<PhoneNumberEvents>();
            var templates = new List<TemplateStatusUpdate>();
            foreach (var entry in entries.EnumerateArray())
            {
                foreach (var change in entry.Items("changes"))
                {
                    var value = change.Child("value") ?? throw new WebhookFormatException("A change has no value.");
                    switch (change.Text("field"))
                    {
                        case "messages":
                            events.Add(MessagesChange(value));
                            break;
                        case "message_template_status_update":
                            templates.Add(TemplateChange(entry.Text("id"), value));
                            break;
                    }
                }
            }

            return new WebhookBatch(events, templates);
        }
    }

    private static PhoneNumberEvents MessagesChange(JsonElement value)
    {
        // The first profile given for a sender wins.
        var names = new Dictionary<string, string?>();
        foreach (var contact in value.Items("contacts"))
        {
            if (contact.Text("wa_id") is { } waId)
            {
                names.TryAdd(waId, contact.Child("profile")?.Text("name"));
            }
        }

        var events = new List<InboundEvent>();
        foreach (var message in value.Items("messages"))
        {
            events.Add(CloudMessageMapper.Map(message, names));
        }

        foreach (var status in value.Items("statuses"))
        {
            if (Status(status) is { } mapped)
            {
                events.Add(mapped);
            }
        }

        return new PhoneNumberEvents(value.Child("metadata")?.Text("phone_number_id"), events);
    }

    public static InboundStatus? Status(JsonElement status)
    {
        var id = status.Text("id") ?? throw new WebhookFormatException("A status has no message id.");
        DeliveryStatus? mapped = status.Text("status") switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            // A played voice note was necessarily read.
            "read" or "played" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        if (mapped is not { } deliveryStatus)
        {
            return null;
        }

        var error = status.Items("errors").FirstOrDefault();
        var hasError = error.ValueKind == JsonValueKind.Object;
        return new InboundStatus(
            id,
            deliveryStatus,
            status.Timestamp("timestamp"),
            hasError ? error.Text("code") : null,
            hasError ? FailureText(error) : null);
    }

    private static string FailureText(JsonElement error)
    {
        var title = error.Text("title") ?? error.Text("message") ?? "Failed";
        var details = error.Child("error_data")?.Text("details");
        return details is null || details == title ? title : $"{title}: {details}";
    }

    private static TemplateStatusUpdate TemplateChange(string? wabaId, JsonElement value) => new(
        wabaId,
        value.Text("message_template_name") ?? throw new WebhookFormatException("A template update has no template name."),
        value.Text("message_template_language"),
        value.Text("event") ?? "UNKNOWN",
        value.Text("reason"));
}
