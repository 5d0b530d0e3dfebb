using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Web.Tests.Infrastructure;
using Sahut.Web.Tests.Pages;

namespace Sahut.Web.Tests.Team;

/// <summary>
/// The real app on a real Kestrel socket with the recording channel type and a short reply lease (so expiry can be
/// watched), plus the people of one workspace: Andi (owner), Sari and Budi (agents), an API token and a channel.
/// </summary>
public sealed class TeamServer : IAsyncLifetime
{
    public const string Password = "Rahasia-123";
    public const string Andi = "andi@tokomaju.id";
    public const string Sari = "sari@tokomaju.id";
    public const string Budi = "budi@tokomaju.id";

    private readonly SahutWebFactory root = new();
    private readonly int port = FreePort();
    private WebApplicationFactory<Program> app = null!;

    public static readonly TimeSpan ReplyLease = TimeSpan.FromSeconds(4);

    public string BaseUrl => $"http://127.0.0.1:{port}";

    public IServiceProvider Services => app.Services;

    public RecordingChannelType Channel => root.Channel;

    public Guid WorkspaceId { get; private set; }

    public string ApiToken { get; private set; } = "";

    public Guid ChannelId { get; private set; }

    public Dictionary<string, Guid> UserIds { get; } = [];

    public Task InitializeAsync()
    {
        app = root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("urls", BaseUrl);
            builder.UseSetting("Sahut:Team:ReplyLease", ReplyLease.ToString());
        });
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();
        return SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await root.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var setup = await sp.GetRequiredService<SetupService>().SetupAsync("Toko Maju", Andi, Password, CancellationToken.None);
        (WorkspaceId, ApiToken) = (setup.WorkspaceId, setup.ApiToken);
        UserIds[Andi] = setup.UserId;
        var workspaces = sp.GetRequiredService<WorkspaceService>();
        foreach (var (email, name) in new[] { (Sari, "Sari"), (Budi, "Budi") })
        {
            var user = await workspaces.AddMemberAsync(WorkspaceId, email, Password, WorkspaceRole.Agent, CancellationToken.None);
            user.DisplayName = name;
            UserIds[email] = user.Id;
        }

        var db = sp.GetRequiredService<Sahut.Data.SahutDbContext>();
        (await db.Users.FindAsync(setup.UserId))!.DisplayName = "Andi";
        await db.SaveChangesAsync();

        using var client = TokenClient();
        var channel = await (await client.PostAsJsonAsync($"/api/v1/workspaces/{WorkspaceId}/channels", new { type = "recording", name = "CS Jakarta", settings = new { } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        ChannelId = channel.GetProperty("id").GetGuid();
    }

    /// <summary>A customer writes in; returns the conversation it landed in.</summary>
    public async Task<Guid> CustomerWritesAsync(string phone, string name, string text)
    {
        var sink = Services.GetRequiredService<IInboundSink>();
        await sink.AcceptAsync(ChannelId, [new InboundMessage("wamid." + Guid.NewGuid().ToString("N"), phone, name, DateTime.UtcNow, MessageKinds.Text, text, [])], CancellationToken.None);
        using var client = TokenClient();
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{WorkspaceId}/conversations?q={Uri.EscapeDataString(phone)}");
        return list.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
    }

    public HttpClient TokenClient() => TokenClient(ApiToken);

    public HttpClient TokenClient(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the real login form; the cookie jar serves both HTTP calls and SignalR.</summary>
    public async Task<Agent> LogInAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var token = await SignedInClient.AntiforgeryTokenAsync(client, "/login");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Agent(this, client, cookies);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public sealed record Agent(TeamServer Server, HttpClient Http, CookieContainer Cookies) : IDisposable
    {
        public HubConnection Hub() => new HubConnectionBuilder()
            .WithUrl(Server.BaseUrl + "/hubs/inbox", options => options.Cookies = Cookies)
            .Build();

        public void Dispose() => Http.Dispose();
    }
}
