using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Sahut.Data;

/// <summary>Configures any DbContext (core or plugin) for the host's database provider.</summary>
public sealed class DbContextConfigurer : IDbContextConfigurer
{
    private readonly SqliteBusyTimeout busyTimeout = new(TimeSpan.FromSeconds(30));
    private readonly IOptions<SahutDatabaseOptions> database;
    private readonly IOptions<SahutOptions> sahut;

    public DbContextConfigurer(IOptions<SahutDatabaseOptions> database, IOptions<SahutOptions> sahut)
    {
        this.database = database;
        this.sahut = sahut;
        if (Is(DatabaseProviders.Sqlite))
        {
            // Before any context of this host opens a connection.
            SqliteProcessSettings.Apply();
        }
    }

    public string Provider => database.Value.Provider;

    public string ConnectionString => database.Value.ConnectionString is { Length: > 0 } cs
        ? cs
        : Is(DatabaseProviders.Postgres)
            ? throw new InvalidOperationException("Sahut:Database:ConnectionString is required for PostgreSQL.")
            : $"Data Source={Path.Combine(sahut.Value.ResolveDataDir(), "sahut.db")};Default Timeout=30";

    public void Configure(DbContextOptionsBuilder builder, string migrationsHistoryTable, string? migrationsAssembly = null)
    {
        if (Is(DatabaseProviders.Postgres))
        {
            builder.UseNpgsql(ConnectionString, o =>
            {
                o.MigrationsHistoryTable(migrationsHistoryTable);
                if (migrationsAssembly is not null)
                {
                    o.MigrationsAssembly(migrationsAssembly);
                }
            });
        }
        else if (Is(DatabaseProviders.Sqlite))
        {
            builder.UseSqlite(ConnectionString, o =>
            {
                o.MigrationsHistoryTable(migrationsHistoryTable);
                if (migrationsAssembly is not null)
                {
                    o.MigrationsAssembly(migrationsAssembly);
                }
            });
            builder.AddInterceptors(busyTimeout);
        }
        else
        {
            throw new InvalidOperationException($"Unknown database provider '{Provider}'. Use Sqlite or Postgres.");
        }
    }

    // As everywhere else in Sahut, provider names match without regard to case.
    private bool Is(string provider) => string.Equals(Provider, provider, StringComparison.OrdinalIgnoreCase);
}
