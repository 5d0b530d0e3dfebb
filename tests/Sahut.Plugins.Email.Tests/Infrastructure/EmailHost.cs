using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;

namespace Sahut.Plugins.Email.Tests.Infrastructure;

/// <summary>
/// The real Sahut host with the Email plugin loaded from its plugins folder. Receiving waits on IMAP IDLE only
/// (polling is set far beyond any test's patience), so a message that arrives while the host runs proves IDLE push.
/// Two hosts may share a data folder one after the other, to stop and restart Sahut. On PostgreSQL each host gets a
/// new database, dropped on dispose.
/// </summary>
public sealed class EmailHost(string dataDir, string? postgresDatabase = null) : WebApplicationFactory<Program>
{
    /// <summary>The base URL when started on a real socket with <see cref="StartOnKestrel"/>.</summary>
    public string? KestrelUrl { get; private set; }

    /// <summary>Serves on a real Kestrel socket (127.0.0.1, free port), for a browser.</summary>
    public string StartOnKestrel()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        KestrelUrl = $"http://127.0.0.1:{port}";
        StartServer();
        return KestrelUrl;
    }

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static async Task<EmailHost> OnAsync(string database, string dataDir)
    {
        if (database != Postgres)
        {
            return new EmailHost(dataDir);
        }

        var name = await Sahut.Tests.Infrastructure.PostgresServer.CreateDatabaseAsync("sahut_email_");
        return new EmailHost(dataDir, name);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sahut:DataDir", dataDir);
        builder.UseSetting("Sahut:Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Sahut:Outbox:FirstRetryDelay", "00:00:00.500");
        builder.UseSetting("Sahut:Email:ChannelRefreshInterval", "00:00:00.300");
        builder.UseSetting("Sahut:Email:FirstReconnectDelay", "00:00:00.300");
        builder.UseSetting("Sahut:Email:MaxReconnectDelay", "00:00:02");
        builder.UseSetting("Sahut:Email:PollInterval", "01:00:00");
        builder.UseSetting("Sahut:Email:IdleRefresh", "01:00:00");
        builder.UseSetting("Sahut:Email:FetchBatchSize", "25");
        if (postgresDatabase is not null)
        {
            builder.UseSetting("Sahut:Database:Provider", "Postgres");
            builder.UseSetting("Sahut:Database:ConnectionString", Sahut.Tests.Infrastructure.PostgresServer.ConnectionStringFor(postgresDatabase));
        }
    }

    public async Task<Api> SetupAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var setup = await scope.ServiceProvider.GetRequiredService<SetupService>().SetupAsync("Toko Maju", "owner@example.com", "Rahasia-123", CancellationToken.None);
        return ApiFor(setup.WorkspaceId, setup.ApiToken);
    }

    public Api ApiFor(Guid workspaceId, string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new Api(client, workspaceId, token);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgresDatabase is not null)
        {
            await Sahut.Tests.Infrastructure.PostgresServer.DropDatabaseAsync(postgresDatabase);
        }
    }
}

/// <summary>The REST API as one workspace's client sees it.</summary>
public sealed record Api(HttpClient Http, Guid WorkspaceId, string Token)
{
    public string Base => $"/api/v1/workspaces/{WorkspaceId}";

    public async Task<Guid> ConnectEmailAsync(Dictionary<string, object> settings, string name = "Support")
    {
        var response = await Http.PostAsJsonAsync($"{Base}/channels", new { type = "email", name, settings });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public async Task<List<JsonElement>> ConversationsAsync()
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var json = await Http.GetFromJsonAsync<JsonElement>($"{Base}/conversations?page={page}");
            all.AddRange(json.GetProperty("items").EnumerateArray());
            if (!json.GetProperty("hasMore").GetBoolean())
            {
                return all;
            }
        }
    }

    public async Task<List<JsonElement>> MessagesAsync(Guid conversationId) =>
        (await Http.GetFromJsonAsync<JsonElement>($"{Base}/conversations/{conversationId}/messages")).EnumerateArray().Where(i => i.GetProperty("type").GetString() == "message").ToList();

    /// <summary>Waits (up to a generous limit, not a speed assertion) until <paramref name="done"/> holds for the conversations.</summary>
    public async Task<List<JsonElement>> WaitForConversationsAsync(Func<List<JsonElement>, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var conversations = await ConversationsAsync();
            if (done(conversations))
            {
                return conversations;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}; have {conversations.Count} conversations: {string.Join(" | ", conversations.Select(c => c.GetProperty("subject").ToString()))}");
            }

            await Task.Delay(200);
        }
    }
}
