#if SAHUT_EF_DESIGN
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sahut.Plugins.Email.Data;

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteEmailDb>
{
    public SqliteEmailDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEmailDb>().UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(EmailDb.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresEmailDb>
{
    public PostgresEmailDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEmailDb>().UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable(EmailDb.MigrationsHistoryTable)).Options);
}
#endif
