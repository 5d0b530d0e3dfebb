using Autofac;

namespace Sahut.Plugins.WhatsApp;

/// <summary>Registers the WhatsApp plugin's services in the host container. Registers nothing until its features land.</summary>
public sealed class WhatsAppModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
    }
}
