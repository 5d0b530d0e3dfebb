using Microsoft.EntityFrameworkCore;

namespace Sahut.Plugins.WhatsApp.Data;

/// <summary>The WhatsApp plugin's own tables (prefix WhatsApp_), migrated by the host through IPluginDatabase.</summary>
public class WhatsAppDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__WhatsAppMigrations";

    public DbSet<WhatsAppTemplate> Templates => Set<WhatsAppTemplate>();

    public DbSet<WhatsAppTemplateSync> Syncs => Set<WhatsAppTemplateSync>();

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
    }
}

public sealed class SqliteWhatsAppDb(DbContextOptions<SqliteWhatsAppDb> options) : WhatsAppDb(options);

public sealed class PostgresWhatsAppDb(DbContextOptions<PostgresWhatsAppDb> options) : WhatsAppDb(options);
