using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sahut.Web.Tests.Plugins;

/// <summary>The real host with its own data folder and, when given, its own plugins folder.</summary>
public sealed class PluginHostFactory : WebApplicationFactory<Program>
{
    private readonly string? _pluginsDir;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "sahut-data-" + Guid.NewGuid().ToString("N"));

    public PluginHostFactory(string? pluginsDir = null)
    {
        _pluginsDir = pluginsDir;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Sahut:DataDir", _dataDir);
        if (_pluginsDir is not null)
        {
            builder.UseSetting("Sahut:PluginsDir", _pluginsDir);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDir))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: SQLite may still hold the file for a moment.
            }
        }
    }
}
