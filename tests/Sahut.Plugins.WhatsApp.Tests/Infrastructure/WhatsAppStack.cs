using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sahut.FakeGraphApi;

namespace Sahut.Plugins.WhatsApp.Tests.Infrastructure;

/// <summary>
/// Sahut on a real Kestrel with a WhatsApp channel connected (DESIGN §4 body) to the fake: the Cloud API by default, or
/// the fake's Wati or Qontak API (<c>provider: "wati"</c> / <c>"qontak"</c>).
/// </summary>
public sealed class WhatsAppStack : IAsyncDisposable
{
    public const string PhoneNumberId = "301947562281904";
    public const string VerifyToken = "verify-token-jakarta";
    public const string QontakChannelIntegrationId = "b3a2ee0b-7dac-47b8-a115-7bc63abf8f15";

    private WhatsAppStack(WhatsAppHost host, FakeGraphServer fake, HttpClient api, Guid workspaceId)
    {
        Host = host;
        Fake = fake;
        Api = api;
        WorkspaceId = workspaceId;
    }

    public WhatsAppHost Host { get; }

    public FakeGraphServer Fake { get; }

    public HttpClient Api { get; }

    public Guid WorkspaceId { get; }

    public Guid ChannelId { get; private set; }

    public string WebhookUrl { get; private set; } = "";

    public JsonElement ConnectResponse { get; private set; }

    public static async Task<WhatsAppStack> StartAsync(string database = "Sqlite", string provider = "cloud")
    {
        var fake = await FakeGraphServer.StartAsync();
        var host = database == "Postgres" ? await WhatsAppHost.OnPostgresAsync() : new WhatsAppHost();
        host.UseKestrel(0);
        host.StartServer();
        var setup = await host.SetupAsync();
        var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", setup.ApiToken);
        var stack = new WhatsAppStack(host, fake, api, setup.WorkspaceId);
        var connect = await api.PostAsJsonAsync($"/api/v1/workspaces/{setup.WorkspaceId}/channels", new
        {
            type = "whatsapp",
            name = "CS Jakarta",
            settings = Settings(fake, provider),
        });
        Assert.Equal(HttpStatusCode.Created, connect.StatusCode);
        stack.ConnectResponse = await connect.Content.ReadFromJsonAsync<JsonElement>();
        stack.ChannelId = stack.ConnectResponse.GetProperty("id").GetGuid();
        stack.WebhookUrl = stack.ConnectResponse.GetProperty("webhookUrl").GetString()!;
        return stack;
    }

    private static object Settings(FakeGraphServer fake, string provider) => provider switch
    {
        "wati" => new { provider, accessToken = fake.Wati.AccessToken, apiBaseUrl = fake.Wati.BaseUrl },
        "qontak" => new { provider, accessToken = fake.Qontak.AccessToken, apiBaseUrl = fake.Qontak.BaseUrl, channelIntegrationId = QontakChannelIntegrationId },
        _ => (object)new
        {
            provider = "cloud",
            phoneNumberId = PhoneNumberId,
            wabaId = "184203917755631",
            accessToken = fake.AccessToken,
            appSecret = Fixture.AppSecret,
            verifyToken = VerifyToken,
            apiBaseUrl = fake.GraphBaseUrl,
        },
    };

    public string Ws(string path) => $"/api/v1/workspaces/{WorkspaceId}/{path}";

    public Task<HttpResponseMessage> DeliverAsync(string body) => Fake.DeliverWebhookAsync(WebhookUrl, body, Fixture.AppSecret);

    /// <summary>A BSP delivery: no Meta signature (the secret webhook URL authenticates it).</summary>
    public Task<HttpResponseMessage> DeliverUnsignedAsync(string body) => Fake.DeliverWebhookAsync(WebhookUrl, body, appSecret: null);

    public async Task<JsonElement[]> ConversationsAsync() =>
        (await Api.GetFromJsonAsync<JsonElement>(Ws("conversations"))).GetProperty("items").EnumerateArray().ToArray();

    public async Task<JsonElement[]> TimelineAsync(Guid conversationId) =>
        (await Api.GetFromJsonAsync<JsonElement>(Ws($"conversations/{conversationId}/messages"))).EnumerateArray().ToArray();

    /// <summary>Polls the timeline until a message satisfies the condition (the outbox and media work after commit).</summary>
    public async Task<JsonElement> WaitForMessageAsync(Guid conversationId, Func<JsonElement, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((await TimelineAsync(conversationId)).FirstOrDefault(condition) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The expected message state never appeared.");
    }

    /// <summary>Delivers a BSP webhook in which a customer writes first; returns the one conversation it opened.</summary>
    public async Task<Guid> CustomerOpensConversationAsync(string webhookBody, string contactIdentifier)
    {
        Assert.Equal(HttpStatusCode.OK, (await DeliverUnsignedAsync(webhookBody)).StatusCode);
        var conversation = Assert.Single(await ConversationsAsync());
        Assert.Equal(contactIdentifier, conversation.GetProperty("contactIdentifier").GetString());
        return conversation.GetProperty("id").GetGuid();
    }

    /// <summary>The provider answers the next send with <paramref name="failure"/>: the reply ends failed with this code and a reason naming the provider's words.</summary>
    public async Task AssertReplyFailsAsync(Guid conversationId, ScriptedFailure failure, object reply, string failureCode, string reasonPart)
    {
        Fake.FailNextSends(failure);
        var failed = await WaitForStatusAsync(conversationId, await ReplyAsync(conversationId, reply), "failed");
        Assert.Equal(failureCode, failed.GetProperty("failureCode").GetString());
        Assert.Contains(reasonPart, failed.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A reply sent with a token the provider no longer accepts fails with this code and flags the channel for reconnecting.</summary>
    public async Task AssertRevokedTokenNeedsReconnectAsync(Guid conversationId, string failureCode)
    {
        var failed = await WaitForStatusAsync(conversationId, await ReplyAsync(conversationId, new { content = "token check" }), "failed");
        Assert.Equal(failureCode, failed.GetProperty("failureCode").GetString());
        var channel = await Api.GetFromJsonAsync<JsonElement>(Ws($"channels/{ChannelId}"));
        Assert.Equal("NeedsReconnect", channel.GetProperty("state").GetString());
    }

    /// <summary>Posts a reply (text or template) in a conversation; returns the queued message's id.</summary>
    public async Task<Guid> ReplyAsync(Guid conversationId, object body)
    {
        var reply = await Api.PostAsJsonAsync(Ws($"conversations/{conversationId}/messages"), body);
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        return (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the message reached one of the given delivery statuses and returns it.</summary>
    public Task<JsonElement> WaitForStatusAsync(Guid conversationId, Guid messageId, params string[] statuses) =>
        WaitForMessageAsync(conversationId, m => m.GetProperty("id").GetGuid() == messageId && statuses.Contains(m.GetProperty("deliveryStatus").GetString()));

    public static string InboundText(string wamid, string from, string body, DateTimeOffset at) => Fixture.CloudMessage(
        $$$"""{"from":"{{{from}}}","id":"{{{wamid}}}","timestamp":"{{{at.ToUnixTimeSeconds()}}}","type":"text","text":{"body":"{{{body}}}"}}""").Replace("6281377712345", from, StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
