using Microsoft.EntityFrameworkCore;

namespace Sahut.TestPlugins.Channel.Data;

/// <summary>The plugin's own tables (prefix TestChat_), migrated by the host through IPluginDatabase.</summary>
public class TestChatDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__TestChatMigrations";

    public DbSet<TestChatDelivery> Deliveries => Set<TestChatDelivery>();

    public DbSet<TestChatSend> Sends => Set<TestChatSend>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TestChatDelivery>().ToTable("TestChat_Deliveries");
        modelBuilder.Entity<TestChatSend>().ToTable("TestChat_Sends").HasIndex(s => s.ChannelId);
    }
}

public sealed class SqliteTestChatDb(DbContextOptions<SqliteTestChatDb> options) : TestChatDb(options);

public sealed class PostgresTestChatDb(DbContextOptions<PostgresTestChatDb> options) : TestChatDb(options);
