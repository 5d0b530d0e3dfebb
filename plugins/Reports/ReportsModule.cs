using Autofac;

namespace Sahut.Plugins.Reports;

/// <summary>Registers the Reports plugin's services in the host container. Registers nothing until its features land.</summary>
public sealed class ReportsModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
    }
}
