#if SAHUT_EF_DESIGN
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sahut.TestPlugins.Channel.Data;

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteTestChatDb>
{
    public SqliteTestChatDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTestChatDb>().UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(TestChatDb.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresTestChatDb>
{
    public PostgresTestChatDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTestChatDb>().UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable(TestChatDb.MigrationsHistoryTable)).Options);
}
#endif
