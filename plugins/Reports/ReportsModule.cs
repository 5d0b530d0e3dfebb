using Autofac;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Sahut.Data;
using Sahut.Exports;
using Sahut.Navigation;
using Sahut.Plugins.Reports.Csv;
using Sahut.Plugins.Reports.Exports;
using Sahut.Plugins.Reports.Jobs;
using Sahut.Plugins.Reports.Navigation;
using Sahut.Web;

namespace Sahut.Plugins.Reports;

/// <summary>Reports: CSV exports of the core's datasets (API, export page, background jobs) and the reports dashboard.</summary>
public sealed class ReportsModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.Register(c => c.Resolve<IConfiguration>().GetSection(ReportsOptions.Section).Get<ReportsOptions>() ?? new ReportsOptions()).SingleInstance();
        builder.RegisterType<CsvExportFormat>().As<IExportFormat>().SingleInstance();
        builder.RegisterType<ExportCatalog>().InstancePerLifetimeScope();
        builder.RegisterType<ExportEndpoints>().As<IEndpointContributor>().SingleInstance();
        builder.RegisterType<ReportsNavigation>().As<INavigationProvider>().SingleInstance();
        builder.RegisterPluginDatabase<ReportsDb, SqliteReportsDb, PostgresReportsDb>("reports", ReportsDb.MigrationsHistoryTable);
        builder.RegisterType<ExportJobQueue>().SingleInstance();
        builder.RegisterType<ExportFiles>().SingleInstance();
        builder.RegisterType<ExportJobService>().InstancePerLifetimeScope();
        builder.RegisterType<ExportJobWorker>().As<IHostedService>().SingleInstance();
    }
}
