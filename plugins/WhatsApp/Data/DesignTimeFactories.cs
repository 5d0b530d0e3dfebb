#if SAHUT_EF_DESIGN
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sahut.Plugins.WhatsApp.Data;

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteWhatsAppDb>
{
    public SqliteWhatsAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWhatsAppDb>().UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(WhatsAppDb.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresWhatsAppDb>
{
    public PostgresWhatsAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWhatsAppDb>().UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable(WhatsAppDb.MigrationsHistoryTable)).Options);
}
#endif
