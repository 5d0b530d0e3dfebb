using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sahut.Web.Tests.Infrastructure;

namespace Sahut.Web.Tests.EndToEnd;

/// <summary>
/// The channel contract end to end through a plugin loaded from its folder, on a real Kestrel: connect over the API,
/// a webhook delivery becomes a conversation, a reply reaches the "provider", a status moves the ticks, and the
/// plugin's own tables exist (its migrations ran).
/// </summary>
public sealed class ChannelPluginEndToEndTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Webhook_to_inbox_to_reply_to_provider_to_status(string provider)
    {
        await using var factory = provider == "Postgres" ? await SahutWebFactory.OnPostgresAsync("channelplugins") : new SahutWebFactory("channelplugins");
        factory.UseKestrel(0);
        factory.StartServer();
        var setup = await factory.SetupAsync();
        var api = factory.ClientWithToken(setup.ApiToken);
        Assert.StartsWith("http://127.0.0.1:", api.BaseAddress!.ToString().Replace("localhost", "127.0.0.1", StringComparison.Ordinal), StringComparison.Ordinal);
        var ws = setup.WorkspaceId;

        var connect = await api.PostAsJsonAsync($"/api/v1/workspaces/{ws}/channels", new { type = "testchat", name = "Chat", settings = new { secret = "rahasia-webhook" } });
        Assert.Equal(HttpStatusCode.Created, connect.StatusCode);
        var webhookUrl = new Uri((await connect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhookUrl").GetString()!);
        var key = webhookUrl.Segments[^1];
        using var providerClient = new HttpClient { BaseAddress = api.BaseAddress };

        async Task<HttpResponseMessage> Deliver(string json, string secret = "rahasia-webhook")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl.PathAndQuery) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-TestChat-Secret", secret);
            return await providerClient.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Deliver("""{"messages":[{"id":"x","from":"081234567890","text":"hi"}]}""", "salah-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Deliver("""{"messages":[{"from":"081234567890"}]}""")).StatusCode);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/conversations")).GetProperty("items").GetArrayLength());

        var delivery = """{"messages":[{"id":"tc-in-1","from":"081234567890","name":"Wati","text":"Kak, paket saya di mana?"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await Deliver(delivery)).StatusCode);
        var repeat = await (await Deliver(delivery)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, repeat.GetProperty("duplicates").GetInt32());

        var conversation = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/conversations")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Wati", conversation.GetProperty("contactName").GetString());
        var conversationId = conversation.GetProperty("id").GetGuid();

        var reply = await api.PostAsJsonAsync($"/api/v1/workspaces/{ws}/conversations/{conversationId}/messages", new { content = "Sedang dalam perjalanan, kak" });
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var messageId = (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        JsonElement sent = default;
        for (var i = 0; i < 100; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/testchat/{key}/sent");
            request.Headers.Add("X-TestChat-Secret", "rahasia-webhook");
            sent = await (await providerClient.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
            if (sent.GetArrayLength() > 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        var send = sent.EnumerateArray().Single();
        Assert.Equal("+6281234567890", send.GetProperty("to").GetString());
        Assert.Equal("Sedang dalam perjalanan, kak", send.GetProperty("text").GetString());
        var providerId = send.GetProperty("providerMessageId").GetString();

        // The provider has the message; Sahut records its id once the send returns. Then the status webhook comes.
        for (var i = 0; i < 100; i++)
        {
            var current = await api.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/conversations/{conversationId}/messages");
            if (current.EnumerateArray().Any(m => m.GetProperty("id").GetGuid() == messageId && m.GetProperty("deliveryStatus").GetString() == "sent"))
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal(HttpStatusCode.OK, (await Deliver($$"""{"statuses":[{"id":"{{providerId}}","status":"read"}]}""")).StatusCode);
        var timeline = await api.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/conversations/{conversationId}/messages");
        var outbound = timeline.EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == messageId);
        Assert.Equal("read", outbound.GetProperty("deliveryStatus").GetString());

        var ready = await providerClient.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal("loaded", ready.GetProperty("plugins").EnumerateArray().Single().GetProperty("state").GetString());
    }
}
