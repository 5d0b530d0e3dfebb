using Microsoft.EntityFrameworkCore;

namespace Sahut.Plugins.Email.Data;

/// <summary>The email plugin's tables (prefix "Email_"), beside the core's in the host database.</summary>
public class EmailDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__EmailMigrations";

    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    public DbSet<QuarantineRow> Quarantine => Set<QuarantineRow>();

    public DbSet<KnownMessageIdRow> KnownMessageIds => Set<KnownMessageIdRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CheckpointRow>(e =>
        {
            e.ToTable("Email_Checkpoints");
            e.HasKey(c => c.ChannelId);
        });
        modelBuilder.Entity<QuarantineRow>(e =>
        {
            e.ToTable("Email_Quarantine");
            e.HasKey(q => q.Id);
            e.HasIndex(q => new { q.ChannelId, q.QuarantinedAt });
            e.Property(q => q.Reason).HasMaxLength(2000);
            e.Property(q => q.MessageId).HasMaxLength(998);
            e.Property(q => q.From).HasMaxLength(998);
            e.Property(q => q.Subject).HasMaxLength(998);
        });
        modelBuilder.Entity<KnownMessageIdRow>(e =>
        {
            e.ToTable("Email_MessageIds");
            e.HasKey(k => new { k.ChannelId, k.MessageId });
            e.Property(k => k.MessageId).HasMaxLength(998);
        });
    }
}

public sealed class SqliteEmailDb(DbContextOptions<SqliteEmailDb> options) : EmailDb(options);

public sealed class PostgresEmailDb(DbContextOptions<PostgresEmailDb> options) : EmailDb(options);
