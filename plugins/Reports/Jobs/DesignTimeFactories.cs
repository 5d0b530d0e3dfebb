#if SAHUT_EF_DESIGN
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sahut.Plugins.Reports.Jobs;

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteReportsDb>
{
    public SqliteReportsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteReportsDb>().UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(ReportsDb.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresReportsDb>
{
    public PostgresReportsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresReportsDb>().UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable(ReportsDb.MigrationsHistoryTable)).Options);
}
#endif
