using Autofac;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Plugins.WhatsApp.Data;
using Sahut.Plugins.WhatsApp.Providers;
using Sahut.Plugins.WhatsApp.Providers.Cloud;
using Sahut.Plugins.WhatsApp.Providers.Dialog360;
using Sahut.Plugins.WhatsApp.Providers.Qontak;
using Sahut.Plugins.WhatsApp.Providers.Wati;
using Sahut.Plugins.WhatsApp.Sending;
using Sahut.Plugins.WhatsApp.Templates;
using Sahut.Plugins.WhatsApp.Webhooks;
using Sahut.Scheduling;
using Sahut.Web;

namespace Sahut.Plugins.WhatsApp;

/// <summary>Registers the WhatsApp channel type, its providers, webhook endpoints and template sync in the host container.</summary>
public sealed class WhatsAppModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.Register(c => c.Resolve<IConfiguration>().GetSection(WhatsAppOptions.Section).Get<WhatsAppOptions>() ?? new WhatsAppOptions()).SingleInstance();
        builder.RegisterType<ProviderHttp>().SingleInstance();
        builder.RegisterType<CloudApiProvider>().As<IWhatsAppProvider>().SingleInstance();
        builder.RegisterType<Dialog360Provider>().As<IWhatsAppProvider>().SingleInstance();
        builder.RegisterType<WatiProvider>().As<IWhatsAppProvider>().SingleInstance();
        builder.RegisterType<QontakProvider>().As<IWhatsAppProvider>().AsSelf().SingleInstance();
        builder.RegisterType<QontakBroadcastLinks>().SingleInstance();
        builder.RegisterType<QontakBroadcastResolver>().As<IHostedService>().SingleInstance();
        builder.RegisterType<WhatsAppProviders>().SingleInstance();

        builder.RegisterType<WhatsAppChannelType>().As<IChannelType>().AsSelf().SingleInstance();
        builder.RegisterType<WebhookRouter>().SingleInstance();
        builder.RegisterType<WebhookEndpoints>().As<IEndpointContributor>().SingleInstance();

        builder.RegisterPluginDatabase<WhatsAppDb, SqliteWhatsAppDb, PostgresWhatsAppDb>("whatsapp", WhatsAppDb.MigrationsHistoryTable);
        builder.RegisterType<DbTemplateCatalog>().As<ITemplateCatalog>().SingleInstance();
        builder.RegisterType<TemplateSync>().SingleInstance();
        builder.RegisterType<TemplateSyncQueue>().AsSelf().As<IHostedService>().SingleInstance();
        builder.RegisterType<TemplateStatusHandler>().SingleInstance();
        builder.RegisterType<TemplateSyncTask>().As<IScheduledTask>().SingleInstance();
        builder.RegisterType<TemplateEndpoints>().As<IEndpointContributor>().SingleInstance();
    }
}
