using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sahut.FakeGraphApi;
using Sahut.Plugins.WhatsApp.Tests.Infrastructure;

namespace Sahut.Plugins.WhatsApp.Tests.EndToEnd;

/// <summary>
/// A Qontak channel against the fake's Qontak open API, through the real host: customer webhook (with its room) →
/// inbox → reply to the room / template as a direct broadcast → Qontak call; agent echoes only tick statuses;
/// failures, template sync, media.
/// </summary>
public sealed class QontakChannelEndToEndTests
{
    private const string Customer = "628117661000";
    private const string Room = "e658411a-99aa-417d-8c6f-40e1594554a7";
    private const string TemplateId = "cf7a16bd-e84f-4f72-8cce-70934edfc585";

    [Fact]
    public async Task Reply_goes_to_the_room_template_goes_as_direct_broadcast_and_echoes_do_not_duplicate()
    {
        await using var stack = await WhatsAppStack.StartAsync(provider: "qontak");
        var qontak = stack.Fake.Qontak;
        qontak.Templates.Add(FakeQontak.Template(TemplateId, "invoice_reminder", "id", "APPROVED", "Hi {{1}}, silakan periksa invoice {{2}} di email anda."));
        qontak.Templates.Add(FakeQontak.Template("0b1c9e0e-0000-4000-8000-000000000002", "promo_akhir_bulan", "id", "REJECTED", "Diskon {{1}}%"));
        var conversationId = await CustomerWritesAsync(stack);

        var replyId = await stack.ReplyAsync(conversationId, new { content = "Baik Pak Burhanudin, kami cek dulu ya." });
        var send = await stack.Fake.WaitForAsync(r => r.Method == "POST" && r.Path == "/api/open/v1/messages/whatsapp/bot");
        Assert.Equal($"Bearer {qontak.AccessToken}", send.Header("Authorization"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"room_id":"{{Room}}","type":"text","text":"Baik Pak Burhanudin, kami cek dulu ya."}"""), JsonNode.Parse(send.Body)), send.Body);
        await stack.WaitForStatusAsync(conversationId, replyId, "sent");
        var messageId = Assert.Single(qontak.IssuedIds);

        // Qontak echoes the business's own message as participant_type "agent"; its status changes arrive the same way.
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(FakeQontak.MessageWebhook(messageId, Room, Customer, "agent", "delivered", "Baik Pak Burhanudin, kami cek dulu ya.", now))).StatusCode);
        await stack.WaitForStatusAsync(conversationId, replyId, "delivered");
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(FakeQontak.MessageWebhook(messageId, Room, Customer, "agent", "read", "Baik Pak Burhanudin, kami cek dulu ya.", now.AddSeconds(3)))).StatusCode);
        await stack.WaitForStatusAsync(conversationId, replyId, "read");

        var templates = stack.Ws($"channels/{stack.ChannelId}/whatsapp/templates");
        var synced = await stack.Api.PostAsync(templates + "/sync", null);
        Assert.Equal(HttpStatusCode.OK, synced.StatusCode);
        Assert.Equal(2, (await synced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("synced").GetInt32());
        Assert.Equal($"Bearer {qontak.AccessToken}", (await stack.Fake.WaitForAsync(r => r.Path == "/api/open/v1/templates/whatsapp")).Header("Authorization"));
        var picker = await stack.Api.GetFromJsonAsync<JsonElement[]>(templates);
        Assert.Equal("invoice_reminder", Assert.Single(picker!).GetProperty("name").GetString());

        var templateReplyId = await stack.ReplyAsync(conversationId, new { template = new { name = "invoice_reminder", language = "id", parameters = new[] { "Burhanudin", "INV-0931" } } });
        var broadcast = await stack.Fake.WaitForAsync(r => r.Method == "POST" && r.Path == "/api/open/v1/broadcasts/whatsapp/direct");
        Assert.Equal($"Bearer {qontak.AccessToken}", broadcast.Header("Authorization"));
        var expected = new JsonObject
        {
            ["to_number"] = Customer,
            ["to_name"] = "+" + Customer,
            ["message_template_id"] = TemplateId,
            ["channel_integration_id"] = WhatsAppStack.QontakChannelIntegrationId,
            ["language"] = new JsonObject { ["code"] = "id" },
            ["parameters"] = JsonNode.Parse("""{"body":[{"key":"1","value":"param_1","value_text":"Burhanudin"},{"key":"2","value":"param_2","value_text":"INV-0931"}]}"""),
        };
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(broadcast.Body)), broadcast.Body);
        await stack.WaitForStatusAsync(conversationId, templateReplyId, "sent");

        // The broadcast's own message comes back as a campaign "bot" message: a status event, never a new inbound message.
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(FakeQontak.MessageWebhook(Guid.NewGuid().ToString(), Room, Customer, "bot", "sent", "Hi Burhanudin, silakan periksa invoice INV-0931 di email anda.", now, isCampaign: true))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(FakeQontak.MessageWebhook(messageId, Room, Customer, "agent", "read", "Baik Pak Burhanudin, kami cek dulu ya.", now.AddSeconds(4)))).StatusCode);
        Assert.Equal(3, (await stack.TimelineAsync(conversationId)).Length);
        Assert.Single(await stack.ConversationsAsync());
        Assert.Equal(2, qontak.Sends.Count());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Template_sent_as_direct_broadcast_gets_delivered_and_read_ticks_from_qontak_status_webhooks(string database)
    {
        await using var stack = await WhatsAppStack.StartAsync(database, provider: "qontak");
        var qontak = stack.Fake.Qontak;
        qontak.Templates.Add(FakeQontak.Template(TemplateId, "invoice_reminder", "id", "APPROVED", "Hi {{1}}, silakan periksa invoice {{2}} di email anda."));
        var conversationId = await CustomerWritesAsync(stack);
        qontak.BroadcastLogsPending = true;

        var templateReplyId = await stack.ReplyAsync(conversationId, new { template = new { name = "invoice_reminder", language = "id", parameters = new[] { "Burhanudin", "INV-0931" } } });
        await stack.WaitForStatusAsync(conversationId, templateReplyId, "sent");
        var broadcastId = Assert.Single(qontak.IssuedIds);
        var whatsAppId = qontak.WhatsAppMessageIdOf(broadcastId);

        // The campaign message's statuses carry Qontak's own message id (not the broadcast id) and the WhatsApp id.
        // "delivered" arrives while the log does not name the WhatsApp id yet: it is held, not lost.
        string Campaign(string status, int seconds) => FakeQontak.MessageWebhook(Guid.NewGuid().ToString(), Room, Customer, "bot", status,
            "Hi Burhanudin, silakan periksa invoice INV-0931 di email anda.", DateTimeOffset.UtcNow.AddSeconds(seconds), isCampaign: true, externalId: whatsAppId);
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(Campaign("delivered", 1))).StatusCode);
        Assert.Equal("sent", (await stack.WaitForStatusAsync(conversationId, templateReplyId, "sent", "delivered")).GetProperty("deliveryStatus").GetString());

        qontak.BroadcastLogsPending = false;
        await stack.WaitForStatusAsync(conversationId, templateReplyId, "delivered");
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(Campaign("read", 2))).StatusCode);
        await stack.WaitForStatusAsync(conversationId, templateReplyId, "read");

        Assert.All(qontak.BroadcastLogReads, r => Assert.Equal(($"/api/open/v1/broadcasts/{broadcastId}/whatsapp/log", $"Bearer {qontak.AccessToken}"), (r.Path, r.Header("Authorization"))));
        Assert.NotEmpty(qontak.BroadcastLogReads);
        Assert.Equal(2, (await stack.TimelineAsync(conversationId)).Length);
        Assert.Single(qontak.Sends);
    }

    [Fact]
    public async Task Server_errors_and_rate_limits_are_retried_validation_errors_fail_the_message_with_qontak_reason()
    {
        await using var stack = await WhatsAppStack.StartAsync(provider: "qontak");
        var qontak = stack.Fake.Qontak;
        var conversationId = await CustomerWritesAsync(stack);

        stack.Fake.FailNextSends(new ScriptedFailure(502, "Bad Gateway"));
        stack.Fake.FailNextSends(new ScriptedFailure(429, """{"status":"error","error":{"code":429,"messages":["Too many requests"]}}"""));
        await stack.WaitForStatusAsync(conversationId, await stack.ReplyAsync(conversationId, new { content = "satu" }), "sent");
        Assert.Equal(3, qontak.Sends.Count());

        await stack.AssertReplyFailsAsync(conversationId, FakeQontak.Unprocessable("Room session is expired"), new { content = "dua" }, "http-422", "Room session is expired");
        Assert.Equal(4, qontak.Sends.Count());

        qontak.AccessToken = "expired-token";
        await stack.AssertRevokedTokenNeedsReconnectAsync(conversationId, "http-401");
    }

    [Fact]
    public async Task Inbound_media_on_the_api_host_is_fetched_with_the_token_and_elsewhere_without_it()
    {
        await using var stack = await WhatsAppStack.StartAsync(provider: "qontak");
        var qontak = stack.Fake.Qontak;
        var photo = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };
        var invoice = new byte[] { 0x25, 0x50, 0x44, 0x46, 4, 5, 6 };
        stack.Fake.AddMedia(new FakeMedia("photo-1", photo, "image/png"));
        stack.Fake.AddMedia(new FakeMedia("invoice-1", invoice, "application/pdf"));
        stack.Fake.FailMediaDownloads(1);
        var now = DateTimeOffset.UtcNow;
        var onApiHost = new JsonObject { ["url"] = qontak.MediaUrl("photo-1"), ["filename"] = "kardus.png", ["content_type"] = "image/png" };
        var onStorageHost = new JsonObject { ["url"] = qontak.MediaUrl("invoice-1", host: "localhost"), ["filename"] = "invoice.pdf", ["content_type"] = "application/pdf" };
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(FakeQontak.MessageWebhook(Guid.NewGuid().ToString(), Room, Customer, "customer", "created", null, now, type: "image", file: onApiHost))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(FakeQontak.MessageWebhook(Guid.NewGuid().ToString(), Room, Customer, "customer", "created", null, now.AddSeconds(1), type: "file", file: onStorageHost))).StatusCode);

        var conversationId = Assert.Single(await stack.ConversationsAsync()).GetProperty("id").GetGuid();
        foreach (var (name, bytes) in new[] { ("kardus.png", photo), ("invoice.pdf", invoice) })
        {
            var message = await stack.WaitForMessageAsync(conversationId, m => m.GetProperty("attachments").EnumerateArray().Any(a => a.GetProperty("fileName").GetString() == name && a.GetProperty("available").GetBoolean()));
            Assert.Equal(bytes, await stack.Api.GetByteArrayAsync(stack.Ws($"attachments/{message.GetProperty("attachments")[0].GetProperty("id").GetGuid()}")));
        }

        var photoDownloads = stack.Fake.Requests.Where(r => r.Path == "/qontak-media/photo-1").ToList();
        Assert.Equal(2, photoDownloads.Count);
        Assert.All(photoDownloads, r => Assert.Equal($"Bearer {qontak.AccessToken}", r.Header("Authorization")));
        Assert.All(stack.Fake.Requests.Where(r => r.Path == "/qontak-media/invoice-1"), r => Assert.Null(r.Header("Authorization")));
    }

    private static Task<Guid> CustomerWritesAsync(WhatsAppStack stack) =>
        stack.CustomerOpensConversationAsync(FakeQontak.MessageWebhook("4198c4b2-d39d-45b5-ac9c-89bccb9513ec", Room, Customer, "customer", "created", "helo, paket saya belum sampai", DateTimeOffset.UtcNow), "+" + Customer);
}
