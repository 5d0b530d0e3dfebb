using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sahut.Data;

/// <summary>Used only by <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSahutDbContext>
{
    public SqliteSahutDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSahutDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.CoreMigrationsHistoryTable))
            .Options);
}

/// <summary>Used only by <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSahutDbContext>
{
    public PostgresSahutDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSahutDbContext>()
            .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.CoreMigrationsHistoryTable))
            .Options);
}
