using Autofac;
using Autofac.Extensions.DependencyInjection;
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
using Sahut.Inbox;
using Sahut.Mail;
using Sahut.Plugins.Billing.Data;
using Sahut.Scheduling;
using Sahut.Tests.Infrastructure;

namespace Sahut.Plugins.Billing.Tests.Infrastructure;

/// <summary>
/// The core (with its Quartz scheduler on the real database) and the Billing plugin's module in one Autofac container,
/// on a fresh migrated database, with a controllable clock. Hosted services run: domain events reach the billing hooks
/// as in production, and the dispatcher job runs the billing tasks.
/// </summary>
public sealed class BillingHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);

    private readonly IHost host;
    private readonly string? postgresDatabase;
    private bool stopped;

    private BillingHarness(IHost host, string dataDir, string? postgresDatabase, FakeTimeProvider time)
    {
        this.host = host;
        DataDir = dataDir;
        this.postgresDatabase = postgresDatabase;
        Time = time;
    }

    public string DataDir { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => host.Services;

    public static Task<BillingHarness> StartAsync(bool withFreePlan = true, int? smtpPort = null, bool postgres = false) =>
        StartAsync(TestPlans.Settings(withFreePlan), smtpPort, postgres, dataDir: null, time: null);

    /// <summary>A second host on the same data directory (a restart after downtime).</summary>
    public Task<BillingHarness> RestartAsync(bool withFreePlan = true) => StartAsync(TestPlans.Settings(withFreePlan), null, false, DataDir, Time);

    private static async Task<BillingHarness> StartAsync(Dictionary<string, string?> settings, int? smtpPort, bool postgres, string? dataDir, FakeTimeProvider? time)
    {
        dataDir ??= Path.Combine(Path.GetTempPath(), "sahut-billing-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        settings["Sahut:DataDir"] = dataDir;
        settings["Sahut:Outbox:PollInterval"] = "00:00:00.100";
        settings["Sahut:Scheduling:MisfireThreshold"] = "00:00:01";
        if (smtpPort is { } port)
        {
            settings["Sahut:Mail:Host"] = "127.0.0.1";
            settings["Sahut:Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Sahut:Mail:Security"] = "none";
            settings["Sahut:Mail:From"] = "tagihan@sahut.test";
        }

        string? database = null;
        if (postgres)
        {
            database = await PostgresServer.CreateDatabaseAsync("sahut_billing_");
            settings["Sahut:Database:Provider"] = DatabaseProviders.Postgres;
            settings["Sahut:Database:ConnectionString"] = PostgresServer.ConnectionStringFor(database);
        }

        time ??= new FakeTimeProvider(Start);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.ConfigureContainer(new AutofacServiceProviderFactory(), container => container.RegisterModule(new BillingModule()));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSahutCore(builder.Configuration);
        builder.Services.AddSahutMail(builder.Configuration);
        builder.Services.AddSahutScheduling(builder.Configuration);
        builder.Services.AddIdentityCore<SahutUser>(o => o.Password.RequireNonAlphanumeric = false)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<SahutDbContext>();
        builder.Services.AddSingleton<IChannelType, TestChannelType>();
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        await host.StartAsync();
        await host.Services.GetRequiredService<SchedulerStartup>().Started;
        return new BillingHarness(host, dataDir, database, time);
    }

    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task WithAsync<TService>(Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A workspace with an owner (and an admin and an agent) and one connected channel.</summary>
    public async Task<TestWorkspace> SeedWorkspaceAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<SahutUser>>();
        var owner = await CreateUserAsync(users, "owner");
        var workspace = await sp.GetRequiredService<WorkspaceService>().CreateAsync("Toko Maju", owner.Id, null, CancellationToken.None);
        var db = sp.GetRequiredService<SahutDbContext>();
        var admin = await CreateUserAsync(users, "admin");
        var agent = await CreateUserAsync(users, "agent");
        db.Memberships.Add(new Membership { WorkspaceId = workspace.Id, UserId = admin.Id, Role = WorkspaceRole.Admin, CreatedAt = Time.GetUtcNow().UtcDateTime });
        db.Memberships.Add(new Membership { WorkspaceId = workspace.Id, UserId = agent.Id, Role = WorkspaceRole.Agent, CreatedAt = Time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        var channel = await ConnectChannelAsync(workspace.Id);
        return new TestWorkspace(workspace.Id, owner.Id, channel, [owner.Email!, admin.Email!], agent.Email!);
    }

    public Task<Guid> ConnectChannelAsync(Guid workspaceId) =>
        WithAsync<ChannelService, Guid>(async channels =>
            (await channels.ConnectAsync(workspaceId, "test", "CS " + Guid.NewGuid().ToString("N")[..6], new System.Text.Json.Nodes.JsonObject { ["token"] = "t" }, CancellationToken.None)).Id);

    /// <summary>Starts a conversation with a new phone number through the Messages API service (raises ConversationOpened).</summary>
    public Task<Guid> OpenConversationAsync(TestWorkspace workspace, int contact) =>
        WithAsync<ConversationCommands, Guid>(async commands =>
        {
            var (conversation, _) = await commands.SendToAsync(workspace.Id, workspace.ChannelId, $"+62811{contact:D7}", workspace.OwnerId, new ReplyContent("Halo", null), CancellationToken.None);
            return conversation.Id;
        });

    public Task SetStatusAsync(TestWorkspace workspace, Guid conversationId, ConversationStatus status) =>
        WithAsync<ConversationCommands>(commands => commands.SetStatusAsync(workspace.Id, conversationId, status, CancellationToken.None));

    public Task<TResult> BillingDbAsync<TResult>(Func<BillingDb, Task<TResult>> query) => WithAsync(query);

    public Task<TResult> CoreDbAsync<TResult>(Func<SahutDbContext, Task<TResult>> query) => WithAsync(query);

    public Task<int> NotificationsAsync(Guid workspaceId, string kind) =>
        CoreDbAsync(db => db.Notifications.CountAsync(n => n.WorkspaceId == workspaceId && n.Kind == kind));

    /// <summary>Waits until <paramref name="condition"/> holds (events and jobs run in the background); fails after 15 s.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string because)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("Timed out waiting: " + because);
    }

    private static async Task<SahutUser> CreateUserAsync(UserManager<SahutUser> users, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.com";
        var user = new SahutUser { UserName = email, Email = email };
        var created = await users.CreateAsync(user, "Rahasia-123");
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (postgresDatabase is not null)
        {
            await Sahut.Tests.Infrastructure.PostgresServer.DropDatabaseAsync(postgresDatabase);
        }
    }

    /// <summary>Stops the host but keeps the data directory (for <see cref="RestartAsync"/>).</summary>
    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        await host.StopAsync();
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

public sealed record TestWorkspace(Guid Id, Guid OwnerId, Guid ChannelId, IReadOnlyList<string> AdminEmails, string AgentEmail);
