using Autofac;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Plugins.Email.Data;
using Sahut.Plugins.Email.Inbound;
using Sahut.Plugins.Email.Outbound;
using Sahut.Plugins.Email.Receiving;
using Sahut.Plugins.Email.Settings;
using Sahut.Plugins.Email.Web;
using Sahut.Web;

namespace Sahut.Plugins.Email;

/// <summary>Registers the email channel type, its background receiver, its database and its admin endpoints.</summary>
public sealed class EmailModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        // Customers write in windows-1252, iso-2022-jp, gb2312 …: .NET knows only the Unicode and Latin-1 charsets
        // until the code-pages provider is registered, and MimeKit looks charsets up once, so this comes first.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        builder.Register(c => c.Resolve<IConfiguration>().GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions()).SingleInstance();
        builder.RegisterType<MailConnector>().SingleInstance();
        builder.RegisterType<ConnectionTester>().SingleInstance();
        builder.RegisterType<EmailHtmlSanitizer>().SingleInstance();
        builder.RegisterType<InboundEmailParser>().SingleInstance();
        builder.RegisterType<EmailSender>().SingleInstance();
        builder.RegisterType<EmailChannelType>().As<IChannelType>().SingleInstance();

        builder.RegisterPluginDatabase<EmailDb, SqliteEmailDb, PostgresEmailDb>("email", EmailDb.MigrationsHistoryTable);
        builder.RegisterType<MailboxStateStore>().As<IMailboxStateStore>().SingleInstance();

        builder.RegisterType<MailboxCatchUp>().SingleInstance();
        builder.RegisterType<MailboxReceiver>().InstancePerDependency();
        builder.RegisterType<EmailReceiverHost>().As<IHostedService>().SingleInstance();

        builder.RegisterType<EmailEndpoints>().As<IEndpointContributor>().SingleInstance();
    }
}
