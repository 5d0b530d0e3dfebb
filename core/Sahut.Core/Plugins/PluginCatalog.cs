using Microsoft.Extensions.Logging;

namespace Sahut.Plugins;

/// <summary>Every plugin folder found at start-up, loaded or failed with a reason. A singleton in the host's container.</summary>
public sealed class PluginCatalog
{
    public PluginCatalog(string pluginsDirectory, IReadOnlyList<PluginEntry> entries, IReadOnlyList<LoadedPlugin> loaded, IReadOnlyDictionary<string, Exception> failures)
    {
        PluginsDirectory = pluginsDirectory;
        Entries = entries;
        Loaded = loaded;
        Failures = failures;
    }

    public static PluginCatalog Empty(string pluginsDirectory) => new(pluginsDirectory, [], [], new Dictionary<string, Exception>());

    public string PluginsDirectory { get; }

    public IReadOnlyList<PluginEntry> Entries { get; }

    public IReadOnlyList<LoadedPlugin> Loaded { get; }

    /// <summary>The exception behind each failed entry, by plugin id, for the log.</summary>
    public IReadOnlyDictionary<string, Exception> Failures { get; }

    /// <summary>Logs one line per plugin; called once the host's logging is up, since plugins load before it is.</summary>
    public void LogSummary(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (Entries.Count == 0)
        {
            PluginLog.NoPlugins(logger, PluginsDirectory);
        }

        foreach (var entry in Entries)
        {
            if (entry.State == PluginState.Loaded)
            {
                PluginLog.Loaded(logger, entry.Id, entry.Name, entry.Version, PluginsDirectory);
            }
            else
            {
                PluginLog.Failed(logger, Failures.GetValueOrDefault(entry.Id), entry.Id, entry.FailureReason);
            }
        }
    }
}
