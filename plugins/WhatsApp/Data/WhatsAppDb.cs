using Microsoft.EntityFrameworkCore;

namespace Sahut.Plugins.WhatsApp.Data;

/// <summary>The WhatsApp plugin's own tables (prefix WhatsApp_), migrated by the host through IPluginDatabase.</summary>
public class WhatsAppDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__WhatsAppMigrations";

    public DbSet<WhatsAppTemplate> Templates => Set<WhatsAppTemplate>();

    public DbSet<WhatsAppTemplateSync> Syncs => Set<WhatsAppTemplateSync>();

    public DbSet<QontakBroadcast> QontakBroadcasts => Set<QontakBroadcast>();

    public DbSet<QontakHeldStatus> QontakHeldStatuses => Set<QontakHeldStatus>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var template = modelBuilder.Entity<WhatsAppTemplate>().ToTable("WhatsApp_Templates");
        template.HasIndex(t => new { t.ChannelId, t.Name, t.Language }).IsUnique();
        template.Property(t => t.Name).HasMaxLength(512);
        template.Property(t => t.Language).HasMaxLength(32);
        template.Property(t => t.Status).HasMaxLength(32);
        template.Property(t => t.Category).HasMaxLength(64);
        template.Property(t => t.ParameterFormat).HasMaxLength(32);
        template.Property(t => t.ProviderTemplateId).HasMaxLength(128);
        modelBuilder.Entity<WhatsAppTemplateSync>().ToTable("WhatsApp_TemplateSyncs").HasKey(s => s.ChannelId);

        var broadcast = modelBuilder.Entity<QontakBroadcast>().ToTable("WhatsApp_QontakBroadcasts");
        broadcast.HasIndex(b => new { b.ChannelId, b.BroadcastId }).IsUnique();
        broadcast.HasIndex(b => new { b.ChannelId, b.WhatsAppMessageId });
        broadcast.HasIndex(b => b.NextCheckAt);
        broadcast.HasIndex(b => b.CreatedAt);
        broadcast.Property(b => b.BroadcastId).HasMaxLength(128);
        broadcast.Property(b => b.WhatsAppMessageId).HasMaxLength(256);

        var held = modelBuilder.Entity<QontakHeldStatus>().ToTable("WhatsApp_QontakHeldStatuses");
        held.HasIndex(h => new { h.ChannelId, h.WhatsAppMessageId });
        held.HasIndex(h => h.ReceivedAt);
        held.Property(h => h.WhatsAppMessageId).HasMaxLength(256);
        held.Property(h => h.ErrorCode).HasMaxLength(64);
        held.Property(h => h.ErrorReason).HasMaxLength(1024);
    }
}

public sealed class SqliteWhatsAppDb(DbContextOptions<SqliteWhatsAppDb> options) : WhatsAppDb(options);

public sealed class PostgresWhatsAppDb(DbContextOptions<PostgresWhatsAppDb> options) : WhatsAppDb(options);
