using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;
using Sahut.Domain;

namespace Sahut.Plugins.Reports.Tests.Infrastructure;

/// <summary>
/// The real host with the Reports plugin loaded from its plugin folder, on a temp SQLite data directory. With
/// <c>kestrel: true</c> it listens on a real 127.0.0.1 socket (for the browser).
/// </summary>
public sealed class ReportsApp : WebApplicationFactory<Program>
{
    public const string Password = "Rahasia123";

    private readonly Dictionary<string, string?> settings;
    private readonly int port;

    public ReportsApp(bool kestrel = false, Dictionary<string, string?>? settings = null)
    {
        this.settings = settings ?? [];
        if (kestrel)
        {
            port = FreePort();
            UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        }
    }

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "sahut-reports-" + Guid.NewGuid().ToString("N"));

    public string BaseUrl => $"http://127.0.0.1:{port}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Sahut:DataDir", DataDir);
        builder.UseSetting("Sahut:PluginsDir", Path.Combine(AppContext.BaseDirectory, "plugins"));
        if (port != 0)
        {
            builder.UseSetting("urls", BaseUrl);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<SetupResult> SetupAsync(string workspace, string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SetupService>().SetupAsync(workspace, email, Password, CancellationToken.None);
    }

    public async Task<Guid> AddMemberAsync(Guid workspaceId, string email, WorkspaceRole role)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<WorkspaceService>().AddMemberAsync(workspaceId, email, Password, role, CancellationToken.None);
        return user.Id;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp folder is left behind.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
