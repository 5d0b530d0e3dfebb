using Sahut.Plugins;

namespace Sahut.Web.Hosting;

/// <summary>Logs the plugin catalog once the host's logging is configured (plugins load before it is).</summary>
internal sealed class PluginCatalogReporter(PluginCatalog catalog, ILogger<PluginCatalog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.LogSummary(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
