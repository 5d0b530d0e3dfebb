using Autofac;
using Sahut.Web;

namespace Sahut.TestPlugins.Alpha;

public sealed class AlphaModule : Module
{
    protected override void Load(ContainerBuilder builder) =>
        builder.RegisterType<AlphaEndpoints>().As<IEndpointContributor>().SingleInstance();
}
