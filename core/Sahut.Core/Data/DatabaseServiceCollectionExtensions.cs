using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sahut.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string CoreMigrationsHistoryTable = "__SahutMigrations";

    /// <summary>Registers <see cref="SahutDbContext"/> for the configured provider (SQLite by default).</summary>
    public static IServiceCollection AddSahutDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SahutDatabaseOptions>(configuration.GetSection(SahutDatabaseOptions.Section));
        services.AddSingleton<DbContextConfigurer>();
        services.AddSingleton<IDbContextConfigurer>(sp => sp.GetRequiredService<DbContextConfigurer>());
        services.AddSingleton<SqliteWriteGate>();

        var provider = configuration.GetSection(SahutDatabaseOptions.Section)[nameof(SahutDatabaseOptions.Provider)];
        if (string.Equals(provider, DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            AddContext<PostgresSahutDbContext>(services);
        }
        else
        {
            AddContext<SqliteSahutDbContext>(services);
        }

        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    private static void AddContext<TContext>(IServiceCollection services)
        where TContext : SahutDbContext
    {
        // Options depend only on configuration: built once, not per scope (that showed up on the webhook hot path).
        services.AddDbContext<SahutDbContext, TContext>(
            (sp, options) => sp.GetRequiredService<DbContextConfigurer>().Configure(options, CoreMigrationsHistoryTable),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
    }
}
