using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;

namespace Sahut.Plugins.WhatsApp.Tests.Infrastructure;

/// <summary>The real host with the WhatsApp plugin loaded from its own folder (waplugins/WhatsApp), fast outbox, media retries and Qontak broadcast-log checks.</summary>
public sealed class WhatsAppHost(string? postgresDatabase = null) : WebApplicationFactory<Program>
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "sahut-whatsapp-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sahut:DataDir", DataDir);
        builder.UseSetting("Sahut:PluginsDir", Path.Combine(AppContext.BaseDirectory, "waplugins"));
        builder.UseSetting("Sahut:Outbox:PollInterval", "00:00:00.100");
        builder.UseSetting("Sahut:Outbox:FirstRetryDelay", "00:00:00.200");
        builder.UseSetting("Sahut:Media:PollInterval", "00:00:00.100");
        builder.UseSetting("Sahut:Media:FirstRetryDelay", "00:00:00.200");
        builder.UseSetting("Sahut:WhatsApp:RequestTimeout", "00:00:02");
        builder.UseSetting("Sahut:WhatsApp:QontakLogFirstCheck", "00:00:00.100");
        builder.UseSetting("Sahut:WhatsApp:QontakLogMaxDelay", "00:00:00.500");
        builder.UseSetting("Sahut:WhatsApp:QontakLogPollInterval", "00:00:00.100");
        builder.UseSetting("Sahut:WhatsApp:QontakLogAttempts", "60");
        if (postgresDatabase is not null)
        {
            builder.UseSetting("Sahut:Database:Provider", "Postgres");
            builder.UseSetting("Sahut:Database:ConnectionString", Sahut.Tests.Infrastructure.PostgresServer.ConnectionStringFor(postgresDatabase));
        }
    }

    public async Task<SetupResult> SetupAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SetupService>().SetupAsync("Toko Maju", "owner@example.com", "Rahasia-123", CancellationToken.None);
    }

    /// <summary>A host on a new, empty PostgreSQL database (dropped on dispose).</summary>
    public static async Task<WhatsAppHost> OnPostgresAsync()
    {
        var database = await Sahut.Tests.Infrastructure.PostgresServer.CreateDatabaseAsync("sahut_wa_");
        return new WhatsAppHost(database);
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
