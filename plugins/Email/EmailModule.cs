using Autofac;

namespace Sahut.Plugins.Email;

/// <summary>Registers the Email plugin's services in the host container. Registers nothing until its features land.</summary>
public sealed class EmailModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
    }
}
