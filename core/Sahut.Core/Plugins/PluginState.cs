namespace Sahut.Plugins;

/// <summary>Outcome of loading one plugin at start-up.</summary>
public enum PluginState
{
    Loaded,
    Failed,
}
