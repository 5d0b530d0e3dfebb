using Microsoft.EntityFrameworkCore;

namespace Sahut.Plugins.Email.Data;

/// <summary>The email plugin's tables (prefix "email_"), beside the core's in the host database.</summary>
internal sealed class EmailDbContext(DbContextOptions<EmailDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__email_migrations";

    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    public DbSet<QuarantineRow> Quarantine => Set<QuarantineRow>();

    public DbSet<KnownMessageIdRow> KnownMessageIds => Set<KnownMessageIdRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CheckpointRow>(e =>
        {
            e.ToTable("email_checkpoints");
            e.HasKey(c => c.ChannelId);
        });
        modelBuilder.Entity<QuarantineRow>(e =>
        {
            e.ToTable("email_quarantine");
            e.HasKey(q => q.Id);
            e.HasIndex(q => new { q.ChannelId, q.QuarantinedAt });
            e.Property(q => q.Reason).HasMaxLength(2000);
            e.Property(q => q.MessageId).HasMaxLength(998);
            e.Property(q => q.From).HasMaxLength(998);
            e.Property(q => q.Subject).HasMaxLength(998);
        });
        modelBuilder.Entity<KnownMessageIdRow>(e =>
        {
            e.ToTable("email_message_ids");
            e.HasKey(k => new { k.ChannelId, k.MessageId });
            e.Property(k => k.MessageId).HasMaxLength(998);
        });
    }
}

internal sealed class CheckpointRow
{
    public Guid ChannelId { get; set; }

    public long UidValidity { get; set; }

    public long LastUid { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class QuarantineRow
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public long UidValidity { get; set; }

    public long Uid { get; set; }

    public string? MessageId { get; set; }

    public string? From { get; set; }

    public string? Subject { get; set; }

    public string Reason { get; set; } = "";

    public DateTime QuarantinedAt { get; set; }

    public byte[]? Raw { get; set; }
}

internal sealed class KnownMessageIdRow
{
    public Guid ChannelId { get; set; }

    public string MessageId { get; set; } = "";
}
