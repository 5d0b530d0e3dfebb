using Autofac;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Sahut.Billing;
using Sahut.Data;
using Sahut.Navigation;
using Sahut.Plugins.Billing.Api;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Metering;
using Sahut.Plugins.Billing.Periods;
using Sahut.Plugins.Billing.Plans;
using Sahut.Plugins.Billing.Subscriptions;
using Sahut.Scheduling;
using Sahut.Web;

namespace Sahut.Plugins.Billing;

/// <summary>Registers the Billing plugin: plans from "Billing", its tables, the hooks the core calls, the Quartz tasks, API, page and navigation.</summary>
public sealed class BillingModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.Register(c => c.Resolve<IConfiguration>().GetSection(BillingOptions.Section).Get<BillingOptions>() ?? new BillingOptions()).SingleInstance();
        builder.RegisterType<PlanCatalog>().SingleInstance();
        builder.RegisterType<BillingText>().SingleInstance();
        builder.RegisterPluginDatabase<BillingDb, SqliteBillingDb, PostgresBillingDb>("billing", BillingDb.MigrationsHistoryTable);

        builder.RegisterType<InvoiceBook>().InstancePerLifetimeScope();
        builder.RegisterType<SubscriptionStore>().InstancePerLifetimeScope();
        builder.RegisterType<UsageNotifier>().InstancePerLifetimeScope();
        builder.RegisterType<ConversationMeter>().InstancePerLifetimeScope();
        builder.RegisterType<MeteringQueue>().AsSelf().As<IHostedService>().SingleInstance();
        builder.RegisterType<SubscriptionCommands>().InstancePerLifetimeScope();
        builder.RegisterType<BillingQueries>().InstancePerLifetimeScope();
        builder.RegisterType<PeriodCloser>().InstancePerLifetimeScope();
        builder.RegisterType<CancellationApplier>().InstancePerLifetimeScope();
        builder.RegisterType<BillingHooks>().As<IBillingHooks>().InstancePerLifetimeScope();
        builder.RegisterType<PeriodEndTask>().As<IScheduledTask>().InstancePerLifetimeScope();
        builder.RegisterType<SubscriptionEndTask>().As<IScheduledTask>().InstancePerLifetimeScope();
        builder.RegisterType<BillingEndpoints>().As<IEndpointContributor>().SingleInstance();
        builder.RegisterType<BillingNavigation>().As<INavigationProvider>().SingleInstance();
    }
}
