using System.Reflection;

namespace Sahut.Plugins;

/// <summary>A plugin that passed every check: its assembly is loaded and its module configured without error in a probe.</summary>
public sealed class LoadedPlugin
{
    private readonly Type _moduleType;

    public LoadedPlugin(PluginManifest manifest, string directory, Assembly assembly, Type moduleType)
    {
        Manifest = manifest;
        Directory = directory;
        Assembly = assembly;
        _moduleType = moduleType;
    }

    public PluginManifest Manifest { get; }

    public string Directory { get; }

    public Assembly Assembly { get; }

    /// <summary>A fresh instance of the plugin's module: modules keep state while loading, so each container gets its own.</summary>
    public Autofac.Module CreateModule() => (Autofac.Module)Activator.CreateInstance(_moduleType)!;
}
