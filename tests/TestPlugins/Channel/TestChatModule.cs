using Autofac;
using Sahut.Channels;
using Sahut.Data;
using Sahut.TestPlugins.Channel.Data;
using Sahut.Web;

namespace Sahut.TestPlugins.Channel;

public sealed class TestChatModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<TestChatChannelType>().As<IChannelType>().SingleInstance();
        builder.RegisterType<TestChatWebhook>().As<IEndpointContributor>().SingleInstance();
        builder.RegisterPluginDatabase<TestChatDb, SqliteTestChatDb, PostgresTestChatDb>("testchat", TestChatDb.MigrationsHistoryTable);
    }
}
