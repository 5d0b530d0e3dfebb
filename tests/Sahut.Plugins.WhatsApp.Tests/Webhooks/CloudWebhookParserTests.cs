using System.Text;
using System.Text.Json;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Providers.Cloud;
using Sahut.Plugins.WhatsApp.Tests.Infrastructure;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Tests.Webhooks;

public sealed class CloudWebhookParserTests
{
    private static InboundMessage ParseOne(string messageJson)
    {
        var batch = CloudWebhookParser.Parse(Encoding.UTF8.GetBytes(Fixture.CloudMessage(messageJson)));
        return Assert.IsType<InboundMessage>(Assert.Single(Assert.Single(batch.Events).Events));
    }

    private static JsonElement Meta(InboundMessage message) => JsonDocument.Parse(message.Metadata!).RootElement;

    [Fact]
    public void Text_fixture_maps_sender_name_time_and_body()
    {
        var batch = CloudWebhookParser.Parse(Fixture.Bytes("01-inbound-text.json"));
        var group = Assert.Single(batch.Events);
        Assert.Equal("301947562281904", group.PhoneNumberId);
        var message = Assert.IsType<InboundMessage>(Assert.Single(group.Events));
        Assert.Equal("wamid.GA02MjgxMzc3NzEyMzQ1FQIAEhgUODc2OUIxNjk0NDFDQjc4N0QxRUQA", message.ProviderMessageId);
        Assert.Equal("+6281377712345", message.From);
        Assert.Equal("Rina Wulandari", message.FromName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1751362412).UtcDateTime, message.Timestamp);
        Assert.Equal(MessageKinds.Text, message.Kind);
        Assert.StartsWith("Halo, paket saya", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_fixture_carries_caption_and_media_id_for_the_two_step_download()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Assert.Single(CloudWebhookParser.Parse(Fixture.Bytes("02-inbound-image.json")).Events).Events));
        Assert.Equal(MessageKinds.Image, message.Kind);
        Assert.Equal("Ini foto kardusnya, sudah rusak waktu diterima", message.Body);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("1029384756102938", attachment.ProviderMediaId);
        Assert.Equal("image/jpeg", attachment.ContentType);
        Assert.EndsWith(".jpg", attachment.FileName, StringComparison.Ordinal);
        Assert.Null(attachment.Content);
    }

    [Fact]
    public void Interactive_button_reply_fixture_links_the_quoted_message()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Assert.Single(CloudWebhookParser.Parse(Fixture.Bytes("03-inbound-interactive-button-reply.json")).Events).Events));
        Assert.Equal(MessageKinds.Interactive, message.Kind);
        Assert.Equal("Ya, sudah beres", message.Body);
        Assert.Equal("wamid.GA02MjgxMzc3NzEyMzQ1FQIAEhgUNzVGOUQ1MkEyNTMyOTNDNUU4QTcA", message.ReplyToProviderMessageId);
        Assert.Equal("csat_resolved_yes", Meta(message).GetProperty("replyId").GetString());
    }

    [Theory]
    [InlineData("""{"from":"6281377712345","id":"wamid.a1","timestamp":"1751362412","type":"audio","audio":{"id":"m-audio","mime_type":"audio/ogg; codecs=opus","sha256":"x","voice":true}}""", "audio", null, "m-audio")]
    [InlineData("""{"from":"6281377712345","id":"wamid.v1","timestamp":"1751362412","type":"video","video":{"id":"m-video","mime_type":"video/mp4","caption":"Lihat ini"}}""", "video", "Lihat ini", "m-video")]
    [InlineData("""{"from":"6281377712345","id":"wamid.d1","timestamp":"1751362412","type":"document","document":{"id":"m-doc","mime_type":"application/pdf","filename":"invoice-0421.pdf","caption":"Invoice"}}""", "document", "Invoice", "m-doc")]
    [InlineData("""{"from":"6281377712345","id":"wamid.s1","timestamp":"1751362412","type":"sticker","sticker":{"id":"m-sticker","mime_type":"image/webp","animated":false}}""", "sticker", null, "m-sticker")]
    public void Media_types_carry_their_media_id(string json, string kind, string? body, string mediaId)
    {
        var message = ParseOne(json);
        Assert.Equal(kind, message.Kind);
        Assert.Equal(body, message.Body);
        Assert.Equal(mediaId, Assert.Single(message.Attachments).ProviderMediaId);
    }

    [Fact]
    public void Voice_note_and_document_file_name_are_kept()
    {
        Assert.True(Meta(ParseOne("""{"from":"6281377712345","id":"wamid.a1","timestamp":"1","type":"audio","audio":{"id":"m","mime_type":"audio/ogg","voice":true}}""")).GetProperty("voice").GetBoolean());
        Assert.Equal("invoice-0421.pdf", Assert.Single(ParseOne("""{"from":"6281377712345","id":"wamid.d1","timestamp":"1","type":"document","document":{"id":"m","mime_type":"application/pdf","filename":"invoice-0421.pdf"}}""").Attachments).FileName);
    }

    [Fact]
    public void Location_keeps_coordinates()
    {
        var message = ParseOne("""{"from":"6281377712345","id":"wamid.l1","timestamp":"1","type":"location","location":{"latitude":-6.2,"longitude":106.8,"name":"Kantor JNE","address":"Jl. Tomang Raya"}}""");
        Assert.Equal(MessageKinds.Location, message.Kind);
        Assert.Equal("Kantor JNE, Jl. Tomang Raya", message.Body);
        Assert.Equal(-6.2, Meta(message).GetProperty("latitude").GetDouble());
    }

    [Fact]
    public void Shared_contacts_list_names_and_phones()
    {
        var message = ParseOne("""{"from":"6281377712345","id":"wamid.c1","timestamp":"1","type":"contacts","contacts":[{"name":{"formatted_name":"Budi Santoso"},"phones":[{"phone":"+62 812-1111-2222","wa_id":"6281211112222","type":"CELL"}]}]}""");
        Assert.Equal(MessageKinds.Contacts, message.Kind);
        Assert.Equal("Budi Santoso +62 812-1111-2222", message.Body);
        Assert.Equal("6281211112222", Meta(message).GetProperty("contacts")[0].GetProperty("phones")[0].GetProperty("waId").GetString());
    }

    [Fact]
    public void List_reply_and_template_quick_reply_button()
    {
        var list = ParseOne("""{"from":"6281377712345","id":"wamid.i2","timestamp":"1","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"opt_2","title":"Ganti alamat","description":"Ubah alamat kirim"}}}""");
        Assert.Equal("Ganti alamat", list.Body);
        Assert.Equal("list_reply", Meta(list).GetProperty("interactiveType").GetString());

        var button = ParseOne("""{"context":{"from":"6281190001234","id":"wamid.template1"},"from":"6281377712345","id":"wamid.b1","timestamp":"1","type":"button","button":{"payload":"RESCHEDULE_DELIVERY","text":"Jadwalkan ulang"}}""");
        Assert.Equal(MessageKinds.Button, button.Kind);
        Assert.Equal("Jadwalkan ulang", button.Body);
        Assert.Equal("wamid.template1", button.ReplyToProviderMessageId);
        Assert.Equal("RESCHEDULE_DELIVERY", Meta(button).GetProperty("payload").GetString());
    }

    [Fact]
    public void Reaction_points_at_the_message_it_reacts_to_and_empty_emoji_is_a_removal()
    {
        var reaction = ParseOne("""{"from":"6281377712345","id":"wamid.r1","timestamp":"1","type":"reaction","reaction":{"message_id":"wamid.ours","emoji":"👍"}}""");
        Assert.Equal(MessageKinds.Reaction, reaction.Kind);
        Assert.Equal("👍", reaction.Body);
        Assert.Equal("wamid.ours", reaction.ReplyToProviderMessageId);

        var removed = ParseOne("""{"from":"6281377712345","id":"wamid.r2","timestamp":"1","type":"reaction","reaction":{"message_id":"wamid.ours","emoji":""}}""");
        Assert.True(Meta(removed).GetProperty("removed").GetBoolean());
    }

    [Fact]
    public void Unsupported_and_unknown_types_become_a_placeholder_with_the_reason()
    {
        var unsupported = ParseOne("""{"from":"6281377712345","id":"wamid.u1","timestamp":"1","type":"unsupported","errors":[{"code":131051,"title":"Message type unknown","error_data":{"details":"Message type is currently not supported."}}]}""");
        Assert.Equal(MessageKinds.Unsupported, unsupported.Kind);
        Assert.Equal("Message type unknown", unsupported.Body);
        Assert.Equal("131051", Meta(unsupported).GetProperty("errorCode").GetString());

        var order = ParseOne("""{"from":"6281377712345","id":"wamid.o1","timestamp":"1","type":"order","order":{"catalog_id":"c"}}""");
        Assert.Equal(MessageKinds.Unsupported, order.Kind);
        Assert.Equal("order", Meta(order).GetProperty("originalType").GetString());
    }

    [Fact]
    public void Plain_reply_links_the_quoted_message()
    {
        var reply = ParseOne("""{"context":{"from":"6281190001234","id":"wamid.quoted"},"from":"6281377712345","id":"wamid.t2","timestamp":"1","type":"text","text":{"body":"yang ini"}}""");
        Assert.Equal("wamid.quoted", reply.ReplyToProviderMessageId);
    }

    [Fact]
    public void Every_entry_change_message_and_status_of_a_batch_is_parsed()
    {
        var body = """
            {"object":"whatsapp_business_account","entry":[
              {"id":"w1","changes":[
                {"field":"messages","value":{"metadata":{"phone_number_id":"A"},"contacts":[{"profile":{"name":"Rina"},"wa_id":"6281377712345"},{"profile":{"name":"Budi"},"wa_id":"6281211112222"}],
                  "messages":[{"from":"6281377712345","id":"m1","timestamp":"1","type":"text","text":{"body":"satu"}},{"from":"6281211112222","id":"m2","timestamp":"2","type":"text","text":{"body":"dua"}}],
                  "statuses":[{"id":"s1","status":"delivered","timestamp":"3","recipient_id":"6281377712345"}]}},
                {"field":"messages","value":{"metadata":{"phone_number_id":"A"},"statuses":[{"id":"s2","status":"read","timestamp":"4"},{"id":"s3","status":"played","timestamp":"5"}]}}]},
              {"id":"w2","changes":[
                {"field":"messages","value":{"metadata":{"phone_number_id":"B"},"messages":[{"from":"6281300000000","id":"m3","timestamp":"6","type":"text","text":{"body":"tiga"}}]}},
                {"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}}]}]}
            """;
        var batch = CloudWebhookParser.Parse(Encoding.UTF8.GetBytes(body));

        var all = batch.Events.SelectMany(g => g.Events).ToList();
        Assert.Equal(["m1", "m2", "m3"], all.OfType<InboundMessage>().Select(m => m.ProviderMessageId));
        Assert.Equal(["Rina", "Budi", null], all.OfType<InboundMessage>().Select(m => m.FromName));
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Read, DeliveryStatus.Read], all.OfType<InboundStatus>().Select(s => s.Status));
        Assert.Equal(["A", "A", "B"], batch.Events.Select(g => g.PhoneNumberId));
    }

    [Fact]
    public void Failed_status_keeps_code_and_title()
    {
        var body = Fixture.CloudStatus("wamid.x", "failed", 1751449210, ""","errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message","error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}]""");
        var status = Assert.IsType<InboundStatus>(Assert.Single(Assert.Single(CloudWebhookParser.Parse(Encoding.UTF8.GetBytes(body)).Events).Events));
        Assert.Equal(DeliveryStatus.Failed, status.Status);
        Assert.Equal("131047", status.ErrorCode);
        Assert.StartsWith("Re-engagement message: Message failed", status.ErrorReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_fixtures_map_to_sent_and_delivered()
    {
        var delivered = Assert.IsType<InboundStatus>(Assert.Single(Assert.Single(CloudWebhookParser.Parse(Fixture.Bytes("04-status-delivered-pmp-utility-template.json")).Events).Events));
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        var sent = Assert.IsType<InboundStatus>(Assert.Single(Assert.Single(CloudWebhookParser.Parse(Fixture.Bytes("04b-status-sent-free-service-reply.json")).Events).Events));
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
    }

    [Fact]
    public void Template_status_update_is_reported()
    {
        var update = Assert.Single(CloudWebhookParser.Parse(Fixture.Bytes("outbound/template-status-update.webhook.json")).TemplateUpdates);
        Assert.Equal(new TemplateStatusUpdate("184203917755631", "promo_akhir_bulan", "id", "APPROVED", "NONE"), update);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"object":"whatsapp_business_account"}""")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages"}]}]}""")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"from":"62812","type":"text"}]}}]}]}""")]
    public void Malformed_bodies_are_refused(string body)
    {
        Assert.Throws<WebhookFormatException>(() => CloudWebhookParser.Parse(Encoding.UTF8.GetBytes(body)));
    }
}
