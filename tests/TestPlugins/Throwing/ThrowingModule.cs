using Autofac;

namespace Sahut.TestPlugins.Throwing;

public sealed class ThrowingModule : Module
{
    protected override void Load(ContainerBuilder builder) =>
        throw new InvalidOperationException("Test plugin module fails on purpose.");
}
