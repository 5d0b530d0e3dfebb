using Autofac;
using Sahut.Web;

namespace Sahut.TestPlugins.Beta;

public sealed class BetaModule : Module
{
    protected override void Load(ContainerBuilder builder) =>
        builder.RegisterType<BetaEndpoints>().As<IEndpointContributor>().SingleInstance();
}
