using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Sahut.Data;

namespace Sahut.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with a persistent ADO job store in the host's database (tables from the core migration "Quartz"),
    /// clustered on PostgreSQL, running plugins' <see cref="IScheduledTask"/>s through <see cref="ScheduledTaskDispatcherJob"/>.
    /// </summary>
    public static IServiceCollection AddSahutScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!options.Enabled)
        {
            return services;
        }

        var database = configuration.GetSection(SahutDatabaseOptions.Section).Get<SahutDatabaseOptions>() ?? new SahutDatabaseOptions();
        var sahut = configuration.GetSection(SahutOptions.Section).Get<SahutOptions>() ?? new SahutOptions();
        var connectionString = new DbContextConfigurer(Options.Create(database), Options.Create(sahut)).ConnectionString;
        var postgres = string.Equals(database.Provider, DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase);

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "Sahut";
                scheduler.GenerateInstanceId = postgres;
            });
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(ado =>
                {
                    ado.MisfireThreshold = options.MisfireThreshold;
                    ado.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                store.UseSystemTextJsonSerializer(_ => { });
                if (postgres)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(cluster => cluster.CheckinInterval = options.ClusterCheckinInterval);
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
            });
        });
        services.AddTransient<ScheduledTaskDispatcherJob>();
        services.AddSingleton<ScheduledTaskRegistrar>();
        services.AddSingleton<SchedulerStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerStartup>());
        return services;
    }
}
