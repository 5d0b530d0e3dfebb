namespace Sahut.Plugins;

/// <summary>The plugin ABI version. A plugin whose plugin.json names another version is not loaded.</summary>
public static class SahutAbi
{
    public const int Version = 1;
}
