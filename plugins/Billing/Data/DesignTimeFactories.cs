#if SAHUT_EF_DESIGN
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sahut.Plugins.Billing.Data;

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteBillingDb>
{
    public SqliteBillingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBillingDb>().UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(BillingDb.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresBillingDb>
{
    public PostgresBillingDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBillingDb>().UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable(BillingDb.MigrationsHistoryTable)).Options);
}
#endif
