using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;
using Sahut.Channels;
using Sahut.Tests.Infrastructure;

namespace Sahut.Plugins.Billing.Tests.Infrastructure;

/// <summary>
/// The real host (Program) with the Billing plugin loaded from the host's own plugins folder, as in production,
/// or with no plugins at all.
/// </summary>
public sealed class BillingWebFactory(bool withBillingPlugin = true) : WebApplicationFactory<Program>
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "sahut-billing-web", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sahut:DataDir", DataDir);
        builder.UseSetting("Sahut:PluginsDir", withBillingPlugin ? BillingOnlyPluginsDir() : Path.Combine(DataDir, "no-plugins"));
        foreach (var (key, value) in TestPlans.Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IChannelType, TestChannelType>());
    }

    public async Task<SetupResult> SetupAsync(string email = "owner@example.com")
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SetupService>().SetupAsync("Toko Maju", email, "Rahasia-123", CancellationToken.None);
    }

    /// <summary>Another workspace (its token is not the caller's).</summary>
    public async Task<Guid> CreateWorkspaceAsync(Guid ownerId)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<WorkspaceService>().CreateAsync("Toko Lain", ownerId, null, CancellationToken.None)).Id;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A plugins folder holding only the Billing plugin as the host's build put it in its own plugins folder.</summary>
    private string BillingOnlyPluginsDir()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var built = Path.Combine(RepoPaths.Root, "ui", "Sahut.Web", "bin", configuration, "net10.0", "plugins", "Billing");
        Assert.True(File.Exists(Path.Combine(built, "Sahut.Plugins.Billing.dll")), "The host build should have put the Billing plugin in " + built);
        var target = Path.Combine(DataDir, "plugins", "Billing");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(built, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(built, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        return Path.Combine(DataDir, "plugins");
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
