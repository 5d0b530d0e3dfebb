using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Sahut.FakeGraphApi;
using Sahut.Plugins.WhatsApp.Tests.Infrastructure;

namespace Sahut.Plugins.WhatsApp.Tests.EndToEnd;

/// <summary>
/// A Wati channel against the fake's Wati API, through the real host: customer webhook → inbox → reply / template via
/// the API → outbox → Wati call; Wati's status events tick the same messages; failures, template sync, media.
/// </summary>
public sealed class WatiChannelEndToEndTests
{
    private const string Customer = "6281377712345";

    [Fact]
    public async Task Reply_and_template_reach_wati_and_its_status_events_tick_the_same_messages()
    {
        await using var stack = await WhatsAppStack.StartAsync(provider: "wati");
        var wati = stack.Fake.Wati;
        wati.Templates.Add(FakeWati.Template("6376", "order_shipped", "id", "APPROVED", "Halo {{1}}, pesanan {{2}} sudah dikirim."));
        wati.Templates.Add(FakeWati.Template("6377", "promo_akhir_bulan", "id", "PENDING", "Diskon {{1}}%"));
        var conversationId = await CustomerWritesAsync(stack);

        var replyId = await stack.ReplyAsync(conversationId, new { content = "Baik Kak Rina, kami cek dulu ya." });
        var send = await stack.Fake.WaitForAsync(r => r.Path.StartsWith($"/{FakeWati.TenantId}/api/v1/sendSessionMessage/", StringComparison.Ordinal));
        Assert.Equal($"/{FakeWati.TenantId}/api/v1/sendSessionMessage/{Customer}", send.Path);
        Assert.Equal($"Bearer {wati.AccessToken}", send.Header("Authorization"));
        var query = QueryHelpers.ParseQuery(send.Query);
        Assert.Equal("Baik Kak Rina, kami cek dulu ya.", query["messageText"].ToString());
        Assert.Equal(replyId.ToString("N"), query["localMessageId"].ToString());
        await stack.WaitForStatusAsync(conversationId, replyId, "sent");
        var whatsappMessageId = Assert.Single(wati.IssuedMessageIds);

        // Wati echoes the agent's message (owner: true) and reports its progress under the same ids.
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(FakeWati.StatusEvent("sessionMessageSent_v2", "SENT", replyId.ToString("N"), whatsappMessageId, now))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(FakeWati.StatusEvent("sentMessageREAD_v2", "Read", replyId.ToString("N"), whatsappMessageId, now.AddSeconds(5)))).StatusCode);
        await stack.WaitForStatusAsync(conversationId, replyId, "read");

        var templates = stack.Ws($"channels/{stack.ChannelId}/whatsapp/templates");
        var synced = await stack.Api.PostAsync(templates + "/sync", null);
        Assert.Equal(HttpStatusCode.OK, synced.StatusCode);
        Assert.Equal(2, (await synced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("synced").GetInt32());
        var list = await stack.Fake.WaitForAsync(r => r.Path == $"/{FakeWati.TenantId}/api/v1/getMessageTemplates");
        Assert.Equal($"Bearer {wati.AccessToken}", list.Header("Authorization"));
        var picker = await stack.Api.GetFromJsonAsync<JsonElement[]>(templates);
        Assert.Equal("order_shipped", Assert.Single(picker!).GetProperty("name").GetString());

        var templateReplyId = await stack.ReplyAsync(conversationId, new { template = new { name = "order_shipped", language = "id", parameters = new[] { "Rina", "SUP-20931" } } });
        var templateSend = await stack.Fake.WaitForAsync(r => r.Path == $"/{FakeWati.TenantId}/api/v2/sendTemplateMessage");
        Assert.Equal($"Bearer {wati.AccessToken}", templateSend.Header("Authorization"));
        Assert.Equal(Customer, QueryHelpers.ParseQuery(templateSend.Query)["whatsappNumber"].ToString());
        var expected = JsonNode.Parse($$"""
            {"template_name":"order_shipped","broadcast_name":"sahut-{{templateReplyId:N}}",
             "parameters":[{"name":"1","value":"Rina"},{"name":"2","value":"SUP-20931"}]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(templateSend.Body)), templateSend.Body);
        await stack.WaitForStatusAsync(conversationId, templateReplyId, "sent");
        var localMessageId = wati.IssuedMessageIds[1];

        // Template events join on the localMessageId the send returned.
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(FakeWati.StatusEvent("templateMessageSent_v2", "SENT", localMessageId, "wamid.TEMPLATE1", now))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(FakeWati.StatusEvent("sentMessageDELIVERED_v2", "Delivered", localMessageId, "wamid.TEMPLATE1", now.AddSeconds(2)))).StatusCode);
        await stack.WaitForStatusAsync(conversationId, templateReplyId, "delivered");

        Assert.Equal(3, (await stack.TimelineAsync(conversationId)).Length);
        Assert.Equal(2, wati.Sends.Count());
    }

    [Fact]
    public async Task Server_errors_and_rate_limits_are_retried_refusals_fail_the_message_with_wati_reason()
    {
        await using var stack = await WhatsAppStack.StartAsync(provider: "wati");
        var wati = stack.Fake.Wati;
        wati.Templates.Add(FakeWati.Template("6376", "order_shipped", "id", "APPROVED", "Halo {{1}}"));
        var conversationId = await CustomerWritesAsync(stack);

        stack.Fake.FailNextSends(new ScriptedFailure(503, "Service Unavailable"));
        stack.Fake.FailNextSends(new ScriptedFailure(429, """{"message":"Too many requests"}"""));
        await stack.WaitForStatusAsync(conversationId, await stack.ReplyAsync(conversationId, new { content = "satu" }), "sent");
        Assert.Equal(3, wati.Sends.Count());

        await stack.AssertReplyFailsAsync(conversationId, FakeWati.Refusal("Invalid Conversation"), new { content = "dua" }, "wati-refused", "Invalid Conversation");
        Assert.Equal(4, wati.Sends.Count());
        var template = new { name = "order_shipped", language = "id", parameters = new[] { "Rina" } };
        await stack.AssertReplyFailsAsync(conversationId, FakeWati.InvalidNumber(Customer), new { template }, "wati-invalid-number", "Invalid WhatsApp number");
        Assert.Equal(5, wati.Sends.Count());
        await stack.AssertReplyFailsAsync(conversationId, new ScriptedFailure(400, """{"result":false,"info":"Invalid whatsappNumber"}"""), new { content = "tiga" }, "http-400", "Invalid whatsappNumber");
        Assert.Equal(6, wati.Sends.Count());

        wati.AccessToken = "revoked-in-wati-dashboard";
        await stack.AssertRevokedTokenNeedsReconnectAsync(conversationId, "http-401");
    }

    [Fact]
    public async Task Inbound_media_is_fetched_from_wati_with_the_channel_token_and_retried()
    {
        await using var stack = await WhatsAppStack.StartAsync(provider: "wati");
        var bytes = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7 };
        stack.Fake.AddMedia(new FakeMedia("data/images/kardus-rusak.jpg", bytes, "image/jpeg"));
        stack.Fake.FailMediaDownloads(1);
        var image = FakeWati.MessageReceived("wamid.IMG-1", Customer, "Rina", "Ini fotonya", DateTimeOffset.UtcNow, type: "image", data: stack.Fake.Wati.MediaUrl("data/images/kardus-rusak.jpg"));
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverUnsignedAsync(image)).StatusCode);

        var conversationId = Assert.Single(await stack.ConversationsAsync()).GetProperty("id").GetGuid();
        var message = await stack.WaitForMessageAsync(conversationId, m => m.GetProperty("attachments").EnumerateArray().Any(a => a.GetProperty("available").GetBoolean()));
        Assert.Equal("Ini fotonya", message.GetProperty("body").GetString());
        Assert.Equal(bytes, await stack.Api.GetByteArrayAsync(stack.Ws($"attachments/{message.GetProperty("attachments")[0].GetProperty("id").GetGuid()}")));
        var downloads = stack.Fake.Requests.Where(r => r.Path == $"/{FakeWati.TenantId}/api/v1/getMedia").ToList();
        Assert.Equal(2, downloads.Count);
        Assert.All(downloads, r => Assert.Equal($"Bearer {stack.Fake.Wati.AccessToken}", r.Header("Authorization")));
    }

    private static Task<Guid> CustomerWritesAsync(WhatsAppStack stack) =>
        stack.CustomerOpensConversationAsync(FakeWati.MessageReceived("wamid.IN-1", Customer, "Rina", "Halo, paket saya belum sampai", DateTimeOffset.UtcNow), "+" + Customer);
}
