using Autofac;

namespace Sahut.Plugins.Billing;

/// <summary>Registers the Billing plugin's services in the host container. Registers nothing until its features land.</summary>
public sealed class BillingModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
    }
}
