using Autofac;
using Microsoft.EntityFrameworkCore;

namespace Sahut.Data;

/// <summary>
/// Registers a plugin's own DbContext for the host's database. A plugin keeps one model (<typeparamref name="TContext"/>)
/// and two thin subclasses that only carry the migrations for each provider, as the core does:
/// <code>builder.RegisterPluginDatabase&lt;BillingDb, SqliteBillingDb, PostgresBillingDb&gt;("billing", "__BillingMigrations");</code>
/// The host migrates every registered plugin database at start-up, after the core.
/// </summary>
public static class PluginDatabaseRegistration
{
    public static void RegisterPluginDatabase<TContext, TSqlite, TPostgres>(this ContainerBuilder builder, string name, string migrationsHistoryTable)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Register(c => CreateOptions(c.Resolve<IDbContextConfigurer>(), migrationsHistoryTable))
            .Named<DbContextOptions>(name)
            .SingleInstance();
        builder.Register(c =>
            {
                var configurer = c.Resolve<IDbContextConfigurer>();
                var options = c.ResolveNamed<DbContextOptions>(name);
                var concrete = IsPostgres(configurer) ? typeof(TPostgres) : typeof(TSqlite);
                return (TContext)Activator.CreateInstance(concrete, options)!;
            })
            .As<TContext>()
            .InstancePerLifetimeScope();
        builder.Register(c => new PluginDatabase<TContext>(name, c.Resolve<ILifetimeScope>()))
            .As<IPluginDatabase>()
            .SingleInstance();

        DbContextOptions CreateOptions(IDbContextConfigurer configurer, string historyTable)
        {
            var concrete = IsPostgres(configurer) ? typeof(TPostgres) : typeof(TSqlite);
            var optionsBuilder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(concrete))!;
            // No migrations assembly name: EF then uses the context's own assembly, which lives in the plugin's load context.
            configurer.Configure(optionsBuilder, historyTable);
            return optionsBuilder.Options;
        }
    }

    private static bool IsPostgres(IDbContextConfigurer configurer) =>
        string.Equals(configurer.Provider, DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase);

    private sealed class PluginDatabase<TContext>(string name, ILifetimeScope root) : IPluginDatabase
        where TContext : DbContext
    {
        public string Name => name;

        public async Task MigrateAsync(CancellationToken cancellationToken)
        {
            await using var scope = root.BeginLifetimeScope();
            await scope.Resolve<TContext>().Database.MigrateIfPendingAsync(cancellationToken);
        }
    }
}
