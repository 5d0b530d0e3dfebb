using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;
using Sahut.Channels;

namespace Sahut.Web.Tests.Infrastructure;

/// <summary>The real host (Program) on a temp data directory, with a recording channel type registered.</summary>
public sealed class SahutWebFactory : WebApplicationFactory<Program>
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "sahut-web-tests", Guid.NewGuid().ToString("N"));

    public RecordingChannelType Channel { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sahut:DataDir", DataDir);
        builder.UseSetting("Sahut:PluginsDir", Path.Combine(DataDir, "no-plugins"));
        builder.UseSetting("Sahut:Outbox:PollInterval", "00:00:00.100");
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
