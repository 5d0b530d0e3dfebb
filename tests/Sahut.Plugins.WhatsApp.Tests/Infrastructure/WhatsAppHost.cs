using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;

namespace Sahut.Plugins.WhatsApp.Tests.Infrastructure;

/// <summary>The real host with the WhatsApp plugin loaded from its own folder (waplugins/WhatsApp), fast outbox and media retries.</summary>
public sealed class WhatsAppHost : WebApplicationFactory<Program>
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
    }

    public async Task<SetupResult> SetupAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SetupService>().SetupAsync("Toko Maju", "owner@example.com", "Rahasia-123", CancellationToken.None);
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
        }
    }
}
