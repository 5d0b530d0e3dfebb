namespace Sahut.Plugins;

/// <summary>The validated contents of a plugin's plugin.json (schema in README.md beside this file).</summary>
public sealed record PluginManifest(string Id, string Name, string Version, int Abi, string Assembly);
