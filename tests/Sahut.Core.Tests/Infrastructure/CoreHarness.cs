using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Sahut.Accounts;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Events;

namespace Sahut.Tests.Infrastructure;

/// <summary>
/// The core services on a fresh, migrated database of the given kind, with a controllable clock, a test channel
/// type and a log of domain events. Background services (ingest writer, outbox, event dispatcher) run.
/// </summary>
public sealed class CoreHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly List<IHostedService> hosted = [];
    private readonly string dataDir;
    private readonly string? postgresDatabase;

    private CoreHarness(ServiceProvider provider, string dataDir, string? postgresDatabase)
    {
        this.provider = provider;
        this.dataDir = dataDir;
        this.postgresDatabase = postgresDatabase;
    }

    public IServiceProvider Services => provider;

    public FakeTimeProvider Time => (FakeTimeProvider)provider.GetRequiredService<TimeProvider>();

    internal TestChannelType Channel => (TestChannelType)provider.GetRequiredService<IChannelType>();

    internal EventLog Events => provider.GetRequiredService<EventLog>();

    public static async Task<CoreHarness> StartAsync(DatabaseKind kind, TimeSpan? replyWindow = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "sahut-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        string? database = null;
        var settings = new Dictionary<string, string?>
        {
            ["Sahut:DataDir"] = dataDir,
            ["Sahut:Outbox:PollInterval"] = "00:00:00.050",
        };
        if (kind == DatabaseKind.Postgres)
        {
            database = await PostgresServer.CreateDatabaseAsync("sahut_test_");
            settings["Sahut:Database:Provider"] = DatabaseProviders.Postgres;
            settings["Sahut:Database:ConnectionString"] = PostgresServer.ConnectionStringFor(database);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero)));
        services.AddSahutCore(configuration);
        services.AddIdentityCore<SahutUser>(o => o.Password.RequireNonAlphanumeric = false)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<SahutDbContext>();
        services.AddSingleton<IChannelType>(new TestChannelType(replyWindow: replyWindow));
        services.AddSingleton<EventLog>();
        foreach (var eventType in typeof(DomainEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DomainEvent)) && !t.IsAbstract))
        {
            services.AddScoped(typeof(IDomainEventHandler<>).MakeGenericType(eventType), typeof(RecordingEventHandler<>).MakeGenericType(eventType));
        }

        var harness = new CoreHarness(services.BuildServiceProvider(validateScopes: true), dataDir, database);
        await using (var scope = harness.provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        foreach (var service in harness.provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            harness.hosted.Add(service);
        }

        return harness;
    }

    /// <summary>Runs <paramref name="action"/> with a fresh scope's service.</summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task WithAsync<TService>(Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = provider.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<TResult> DbAsync<TResult>(Func<SahutDbContext, Task<TResult>> action) => WithAsync(action);

    /// <summary>A workspace with an owner and one connected test channel.</summary>
    public async Task<(Guid WorkspaceId, Guid OwnerId, Guid ChannelId)> SeedWorkspaceAsync(string name = "Toko Maju")
    {
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SahutUser>>();
        var owner = new SahutUser { UserName = $"{Guid.NewGuid():N}@example.com", Email = $"{Guid.NewGuid():N}@example.com" };
        var created = await users.CreateAsync(owner, "Rahasia-123");
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        var workspace = await scope.ServiceProvider.GetRequiredService<WorkspaceService>().CreateAsync(name, owner.Id, null, CancellationToken.None);
        var channel = await scope.ServiceProvider.GetRequiredService<ChannelService>()
            .ConnectAsync(workspace.Id, "test", "CS Jakarta", new System.Text.Json.Nodes.JsonObject { ["token"] = "s3cret-token-value" }, CancellationToken.None);
        return (workspace.Id, owner.Id, channel.Id);
    }

    /// <summary>Waits until <paramref name="condition"/> holds (background work is asynchronous), failing after a few seconds.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string because)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("Timed out waiting: " + because);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await provider.DisposeAsync();
        if (postgresDatabase is not null)
        {
            await Sahut.Tests.Infrastructure.PostgresServer.DropDatabaseAsync(postgresDatabase);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
