using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sahut.Channels;
using Sahut.Web.Tests.Infrastructure;

namespace Sahut.Web.Tests.Api;

/// <summary>The REST API contract of DESIGN §4: auth, workspace scoping, problem details, status codes.</summary>
public sealed class ApiContractTests : IAsyncLifetime
{
    private readonly SahutWebFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Token_lists_conversations_no_token_is_401_and_another_workspace_is_404()
    {
        var mine = await factory.SetupAsync();
        var client = factory.ClientWithToken(mine.ApiToken);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{mine.WorkspaceId}/conversations");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());

        var anonymous = await factory.CreateClient().GetAsync($"/api/v1/workspaces/{mine.WorkspaceId}/conversations");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var badToken = await factory.ClientWithToken("sahut_not-a-real-token").GetAsync($"/api/v1/workspaces/{mine.WorkspaceId}/conversations");
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);

        var otherWorkspace = await factory.WithAsync<Sahut.Accounts.WorkspaceService, Sahut.Domain.Workspace>(s => s.CreateAsync("Lain", mine.UserId, null, CancellationToken.None));
        var foreign = await client.GetAsync($"/api/v1/workspaces/{otherWorkspace.Id}/conversations");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        var unknown = await client.GetAsync($"/api/v1/workspaces/{Guid.NewGuid()}/conversations");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Connect_channel_returns_webhook_url_and_foreign_channel_ids_are_404()
    {
        var mine = await factory.SetupAsync();
        var client = factory.ClientWithToken(mine.ApiToken);

        var created = await client.PostAsJsonAsync($"/api/v1/workspaces/{mine.WorkspaceId}/channels", new { type = "recording", name = "CS Jakarta", settings = new { token = "abc" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var channel = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("recording", channel.GetProperty("type").GetString());
        Assert.Matches("^http://localhost/webhooks/recording/[0-9a-f]{40}$", channel.GetProperty("webhookUrl").GetString());
        var id = channel.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/workspaces/{mine.WorkspaceId}/channels/{id}")).StatusCode);

        var unknownType = await client.PostAsJsonAsync($"/api/v1/workspaces/{mine.WorkspaceId}/channels", new { type = "telegram", name = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Contains("type", (await unknownType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var other = await factory.WithAsync<Sahut.Accounts.WorkspaceService, Sahut.Domain.Workspace>(s => s.CreateAsync("Lain", mine.UserId, null, CancellationToken.None));
        var (_, otherToken) = await factory.WithAsync<Sahut.Accounts.ApiTokenService, (Sahut.Domain.ApiToken, string)>(s => s.CreateAsync(other.Id, "t", null, CancellationToken.None));
        var otherClient = factory.ClientWithToken(otherToken);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/v1/workspaces/{other.Id}/channels/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.DeleteAsync($"/api/v1/workspaces/{other.Id}/channels/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/workspaces/{mine.WorkspaceId}/channels/{id}")).StatusCode);
    }

    [Fact]
    public async Task Conversation_routes_reply_note_assign_status_and_the_window_rule()
    {
        var mine = await factory.SetupAsync();
        var client = factory.ClientWithToken(mine.ApiToken);
        var ws = mine.WorkspaceId;
        var channel = await (await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/channels", new { type = "recording", name = "WA", settings = new { } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var channelId = channel.GetProperty("id").GetGuid();
        var sink = (IInboundSink)factory.Services.GetService(typeof(IInboundSink))!;
        await sink.AcceptAsync(channelId, [new InboundMessage("wamid.A", "6281234567890", "Rina", DateTime.UtcNow, MessageKinds.Text, "Apakah stok masih ada?", [])], CancellationToken.None);

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/conversations?status=open&q=rina");
        var conversation = Assert.Single(list.GetProperty("items").EnumerateArray().ToList());
        var id = conversation.GetProperty("id").GetGuid();
        Assert.Equal("open", conversation.GetProperty("status").GetString());
        Assert.Equal("+6281234567890", conversation.GetProperty("contactIdentifier").GetString());

        var reply = await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/conversations/{id}/messages", new { content = "Masih, kak" });
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var assign = await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/conversations/{id}/assignment", new { assigneeId = mine.UserId });
        Assert.Equal(HttpStatusCode.NoContent, assign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/conversations/{id}/assignment", new { assigneeId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/conversations/{id}/status", new { status = "pending" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/conversations/{id}/status", new { status = "closed" })).StatusCode);

        var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/conversations/{id}");
        Assert.Equal("pending", one.GetProperty("status").GetString());
        Assert.Equal(mine.UserId, one.GetProperty("assigneeId").GetGuid());
        var messages = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/conversations/{id}/messages");
        Assert.Equal(["in", "out"], messages.EnumerateArray().Select(m => m.GetProperty("direction").GetString()!).ToArray());
        for (var i = 0; i < 100 && factory.Channel.Sent.IsEmpty; i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(factory.Channel.Sent.ToArray(), s => s.Text == "Masih, kak" && s.To == "+6281234567890");

        var outsideWindow = await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/messages", new { channelId, to = "0811-0000-1111", content = "Halo" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outsideWindow.StatusCode);
        var problem = await outsideWindow.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("reply-window", problem.GetProperty("rule").GetString());
        Assert.Contains("template", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        var template = await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/messages", new { channelId, to = "0811-0000-1111", template = new { name = "promo", language = "id", parameters = new object[] { "Budi", new { name = "kode", value = "HEMAT10" } } } });
        Assert.Equal(HttpStatusCode.Accepted, template.StatusCode);

        var foreignConversation = await client.GetAsync($"/api/v1/workspaces/{ws}/conversations/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, foreignConversation.StatusCode);
    }

    [Fact]
    public async Task Attachments_download_for_their_workspace_only_and_never_as_active_content()
    {
        var mine = await factory.SetupAsync();
        var client = factory.ClientWithToken(mine.ApiToken);
        var ws = mine.WorkspaceId;
        var channelId = (await (await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/channels", new { type = "recording", name = "WA", settings = new { } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var sink = (IInboundSink)factory.Services.GetService(typeof(IInboundSink))!;
        var html = "<script>alert(1)</script>"u8.ToArray();
        await sink.AcceptAsync(channelId, [new InboundMessage("m1", "081234567890", null, DateTime.UtcNow, MessageKinds.Document, null, [new InboundAttachment("invoice.html", "text/html", null, html)])], CancellationToken.None);
        var conversationId = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/conversations")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var attachmentId = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/conversations/{conversationId}/messages"))[0].GetProperty("attachments")[0].GetProperty("id").GetGuid();

        var download = await client.GetAsync($"/api/v1/workspaces/{ws}/attachments/{attachmentId}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(html, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var other = await factory.WithAsync<Sahut.Accounts.WorkspaceService, Sahut.Domain.Workspace>(s => s.CreateAsync("Lain", mine.UserId, null, CancellationToken.None));
        var (_, otherToken) = await factory.WithAsync<Sahut.Accounts.ApiTokenService, (Sahut.Domain.ApiToken, string)>(s => s.CreateAsync(other.Id, "t", null, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientWithToken(otherToken).GetAsync($"/api/v1/workspaces/{other.Id}/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/workspaces/{ws}/attachments/{attachmentId}")).StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var mine = await factory.SetupAsync();
        var client = factory.ClientWithToken(mine.ApiToken);

        var response = await client.PostAsync(
            $"/api/v1/workspaces/{mine.WorkspaceId}/channels",
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_document_and_health_endpoints_answer()
    {
        var openApi = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/workspaces/{ws}/conversations", paths);
        Assert.Contains("/api/v1/workspaces/{ws}/messages", paths);

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/live")).StatusCode);
        var ready = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("ready", ready.GetProperty("status").GetString());
    }
}
