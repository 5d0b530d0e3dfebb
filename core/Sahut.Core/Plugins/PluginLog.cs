using Microsoft.Extensions.Logging;

namespace Sahut.Plugins;

internal static partial class PluginLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Plugin {PluginId} ({PluginName} {PluginVersion}) loaded from {PluginsDirectory}")]
    public static partial void Loaded(ILogger logger, string pluginId, string pluginName, string? pluginVersion, string pluginsDirectory);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Plugin {PluginId} failed to load and is disabled: {FailureReason}")]
    public static partial void Failed(ILogger logger, Exception? exception, string pluginId, string? failureReason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "No plugins found in {PluginsDirectory}")]
    public static partial void NoPlugins(ILogger logger, string pluginsDirectory);
}
