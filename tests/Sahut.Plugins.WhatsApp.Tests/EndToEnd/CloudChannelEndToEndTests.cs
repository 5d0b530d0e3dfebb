using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sahut.FakeGraphApi;
using Sahut.Plugins.WhatsApp.Tests.Infrastructure;

namespace Sahut.Plugins.WhatsApp.Tests.EndToEnd;

/// <summary>
/// A Cloud API channel against the fake Graph API, Sahut on a real Kestrel on 127.0.0.1 with the plugin loaded from
/// its folder: connect → handshake → signed delivery → inbox → reply → provider request → status ticks.
/// </summary>
public sealed class CloudChannelEndToEndTests
{
    [Fact]
    public async Task Connect_handshake_signed_delivery_reply_and_status_ticks()
    {
        await using var stack = await WhatsAppStack.StartAsync();
        Assert.Matches(@"^http://(127\.0\.0\.1|localhost):\d+/webhooks/whatsapp/[0-9a-f]{40}$", stack.WebhookUrl);
        Assert.False(stack.ConnectResponse.TryGetProperty("settings", out _));

        var handshake = await stack.Fake.VerifyWebhookAsync(stack.WebhookUrl, WhatsAppStack.VerifyToken, "1158201444");
        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        Assert.Equal("text/plain", handshake.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await handshake.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Fake.VerifyWebhookAsync(stack.WebhookUrl, "wrong-token", "1")).StatusCode);

        var body = WhatsAppStack.InboundText("wamid.E2E-IN-1", "6281377712345", "Halo, paket saya belum sampai", DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Fake.DeliverWebhookAsync(stack.WebhookUrl, body, appSecret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Fake.DeliverWebhookAsync(stack.WebhookUrl, body, "not-the-app-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Fake.DeliverWebhookAsync(stack.WebhookUrl, body + " ", null, WebhookSigner.Sign(Fixture.AppSecret, System.Text.Encoding.UTF8.GetBytes(body)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await stack.DeliverAsync("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"type":"text"}]}}]}]}""")).StatusCode);
        Assert.Empty(await stack.ConversationsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Fake.DeliverWebhookAsync(stack.WebhookUrl[..^4] + "0000", body, Fixture.AppSecret)).StatusCode);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await stack.DeliverAsync(body)).StatusCode);
        }

        var conversation = Assert.Single(await stack.ConversationsAsync());
        Assert.Equal("Rina Wulandari", conversation.GetProperty("contactName").GetString());
        Assert.Equal("+6281377712345", conversation.GetProperty("contactIdentifier").GetString());
        var conversationId = conversation.GetProperty("id").GetGuid();
        var inbound = Assert.Single(await stack.TimelineAsync(conversationId));
        Assert.Equal("Halo, paket saya belum sampai", inbound.GetProperty("body").GetString());

        var reply = await stack.Api.PostAsJsonAsync(stack.Ws($"conversations/{conversationId}/messages"), new { content = "Baik Kak Rina, kami cek dulu ya." });
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var messageId = (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var send = await stack.Fake.WaitForAsync(r => r.Method == "POST" && r.Path == $"/{FakeGraphServer.Version}/{WhatsAppStack.PhoneNumberId}/messages");
        Assert.Equal($"Bearer {stack.Fake.AccessToken}", send.Header("Authorization"));
        Assert.Equal("whatsapp", send.Json.GetProperty("messaging_product").GetString());
        Assert.Equal("6281377712345", send.Json.GetProperty("to").GetString());
        Assert.Equal("text", send.Json.GetProperty("type").GetString());
        Assert.Equal("Baik Kak Rina, kami cek dulu ya.", send.Json.GetProperty("text").GetProperty("body").GetString());
        await stack.WaitForMessageAsync(conversationId, m => m.GetProperty("id").GetGuid() == messageId && m.GetProperty("deliveryStatus").GetString() == "sent");
        var wamid = Assert.Single(stack.Fake.IssuedMessageIds);

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverAsync(Fixture.CloudStatus(wamid, "delivered", now))).StatusCode);
        await stack.WaitForMessageAsync(conversationId, m => m.GetProperty("id").GetGuid() == messageId && m.GetProperty("deliveryStatus").GetString() == "delivered");
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverAsync(Fixture.CloudStatus(wamid, "read", now + 5))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverAsync(Fixture.CloudStatus(wamid, "delivered", now + 6))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverAsync(Fixture.CloudStatus("wamid.someone-elses", "read", now))).StatusCode);
        var outbound = await stack.WaitForMessageAsync(conversationId, m => m.GetProperty("id").GetGuid() == messageId);
        Assert.Equal("read", outbound.GetProperty("deliveryStatus").GetString());
        Assert.Single(stack.Fake.Sends);
    }

    [Fact]
    public async Task Window_rule_retry_and_no_retry_per_error_code_and_token_expiry()
    {
        await using var stack = await WhatsAppStack.StartAsync();

        // Outside the 24-hour window a free-form reply is refused before it is queued.
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverAsync(WhatsAppStack.InboundText("wamid.old", "6281211112222", "kemarin", DateTimeOffset.UtcNow.AddHours(-25)))).StatusCode);
        var old = Assert.Single(await stack.ConversationsAsync());
        var refused = await stack.Api.PostAsJsonAsync(stack.Ws($"conversations/{old.GetProperty("id").GetGuid()}/messages"), new { content = "masih ada?" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("reply-window", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        Assert.Empty(stack.Fake.Sends);

        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverAsync(WhatsAppStack.InboundText("wamid.now", "6281377712345", "halo", DateTimeOffset.UtcNow))).StatusCode);
        var conversationId = (await stack.ConversationsAsync()).Single(c => c.GetProperty("contactIdentifier").GetString() == "+6281377712345").GetProperty("id").GetGuid();

        async Task<JsonElement> ReplyAndSettle(string text)
        {
            var accepted = await (await stack.Api.PostAsJsonAsync(stack.Ws($"conversations/{conversationId}/messages"), new { content = text })).Content.ReadFromJsonAsync<JsonElement>();
            var id = accepted.GetProperty("id").GetGuid();
            return await stack.WaitForMessageAsync(conversationId, m => m.GetProperty("id").GetGuid() == id && m.GetProperty("deliveryStatus").GetString() is "sent" or "failed");
        }

        stack.Fake.FailNextSends(ScriptedFailure.GraphError(130429, "Rate limit hit"));
        stack.Fake.FailNextSends(new ScriptedFailure(503, "Service Unavailable"));
        Assert.Equal("sent", (await ReplyAndSettle("satu")).GetProperty("deliveryStatus").GetString());
        Assert.Equal(3, stack.Fake.Sends.Count());

        stack.Fake.FailNextSends(ScriptedFailure.GraphError(131026, "Message undeliverable"));
        var undeliverable = await ReplyAndSettle("dua");
        Assert.Equal("failed", undeliverable.GetProperty("deliveryStatus").GetString());
        Assert.Equal("131026", undeliverable.GetProperty("failureCode").GetString());
        Assert.Equal(4, stack.Fake.Sends.Count());

        stack.Fake.FailNextSends(new ScriptedFailure(400, Fixture.Text("outbound/error-132000-param-count.400.json")));
        Assert.Equal("132000", (await ReplyAndSettle("tiga")).GetProperty("failureCode").GetString());
        Assert.Equal(5, stack.Fake.Sends.Count());

        stack.Fake.FailNextSends(ScriptedFailure.GraphError(131047, "Re-engagement message"));
        var windowClosed = await ReplyAndSettle("empat");
        Assert.Equal("131047", windowClosed.GetProperty("failureCode").GetString());
        Assert.Contains("template", windowClosed.GetProperty("failureReason").GetString(), StringComparison.OrdinalIgnoreCase);

        stack.Fake.FailNextSends(ScriptedFailure.Hang(TimeSpan.FromSeconds(4)));
        Assert.Equal("sent", (await ReplyAndSettle("lima (timeout first)")).GetProperty("deliveryStatus").GetString());

        stack.Fake.AccessToken = "rotated-by-meta";
        Assert.Equal("190", (await ReplyAndSettle("enam")).GetProperty("failureCode").GetString());
        var channel = await stack.Api.GetFromJsonAsync<JsonElement>(stack.Ws($"channels/{stack.ChannelId}"));
        Assert.Equal("NeedsReconnect", channel.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Media_is_downloaded_in_two_steps_retried_and_served_behind_the_api()
    {
        await using var stack = await WhatsAppStack.StartAsync();
        var bytes = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4 };
        stack.Fake.AddMedia(new FakeMedia("1029384756102938", bytes, "image/jpeg"));
        stack.Fake.FailMediaDownloads(1);
        var image = Fixture.Json("02-inbound-image.json");
        image["entry"]![0]!["changes"]![0]!["value"]!["messages"]![0]!["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverAsync(image.ToJsonString())).StatusCode);

        var conversationId = Assert.Single(await stack.ConversationsAsync()).GetProperty("id").GetGuid();
        var message = await stack.WaitForMessageAsync(conversationId, m => m.GetProperty("attachments").EnumerateArray().Any(a => a.GetProperty("available").GetBoolean()));
        Assert.Equal("Ini foto kardusnya, sudah rusak waktu diterima", message.GetProperty("body").GetString());
        var attachmentId = message.GetProperty("attachments")[0].GetProperty("id").GetGuid();
        Assert.Equal(bytes, await stack.Api.GetByteArrayAsync(stack.Ws($"attachments/{attachmentId}")));
        Assert.Equal(2, stack.Fake.Requests.Count(r => r.Path == "/whatsapp_business/attachments/"));
        Assert.All(stack.Fake.Requests.Where(r => r.Path.Contains("1029384756102938", StringComparison.Ordinal) || r.Path == "/whatsapp_business/attachments/"),
            r => Assert.Equal($"Bearer {stack.Fake.AccessToken}", r.Header("Authorization")));
    }
}
