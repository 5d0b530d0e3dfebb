using Microsoft.EntityFrameworkCore;

namespace Sahut.Plugins.Reports.Jobs;

/// <summary>The Reports plugin's own tables (prefix Reports_), migrated by the host through IPluginDatabase.</summary>
public class ReportsDb(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__ReportsMigrations";

    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var job = modelBuilder.Entity<ExportJob>();
        job.ToTable("Reports_ExportJobs");
        job.Property(j => j.Dataset).HasMaxLength(64);
        job.Property(j => j.Error).HasMaxLength(2000);
        job.HasIndex(j => new { j.WorkspaceId, j.CreatedAt });
        job.HasIndex(j => j.Status);
    }
}

public sealed class SqliteReportsDb(DbContextOptions<SqliteReportsDb> options) : ReportsDb(options);

public sealed class PostgresReportsDb(DbContextOptions<PostgresReportsDb> options) : ReportsDb(options);
