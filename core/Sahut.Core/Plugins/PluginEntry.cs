namespace Sahut.Plugins;

/// <summary>
/// One plugin folder as the catalog saw it at start-up. Read by the readiness check and the admin Plugins page.
/// Version and Abi are null when plugin.json could not be read.
/// </summary>
public sealed record PluginEntry(string Id, string Name, string? Version, int? Abi, PluginState State, string? FailureReason);
