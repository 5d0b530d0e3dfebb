using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;
using Sahut.Channels;

namespace Sahut.Web.Tests.Infrastructure;

/// <summary>The real host (Program) on a temp data directory, with a recording channel type registered.</summary>
public sealed class SahutWebFactory(string? pluginsFolder = null, string? postgresDatabase = null) : WebApplicationFactory<Program>
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "sahut-web-tests", Guid.NewGuid().ToString("N"));

    public RecordingChannelType Channel { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sahut:DataDir", DataDir);
        builder.UseSetting("Sahut:PluginsDir", pluginsFolder is null ? Path.Combine(DataDir, "no-plugins") : Path.Combine(AppContext.BaseDirectory, pluginsFolder));
        builder.UseSetting("Sahut:Outbox:PollInterval", "00:00:00.100");
        if (postgresDatabase is not null)
        {
            builder.UseSetting("Sahut:Database:Provider", "Postgres");
            builder.UseSetting("Sahut:Database:ConnectionString", Sahut.Tests.Infrastructure.PostgresServer.ConnectionStringFor(postgresDatabase));
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IChannelType>(Channel));
    }

    public async Task<SetupResult> SetupAsync(string workspace = "Toko Maju", string email = "owner@example.com")
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SetupService>().SetupAsync(workspace, email, "Rahasia-123", CancellationToken.None);
    }

    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A factory on a new, empty PostgreSQL database (dropped on dispose).</summary>
    public static async Task<SahutWebFactory> OnPostgresAsync(string? pluginsFolder = null)
    {
        var database = await Sahut.Tests.Infrastructure.PostgresServer.CreateDatabaseAsync("sahut_web_");
        return new SahutWebFactory(pluginsFolder, database);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgresDatabase is not null)
        {
            await Sahut.Tests.Infrastructure.PostgresServer.DropDatabaseAsync(postgresDatabase);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
