namespace Sahut;

/// <summary>Host-wide settings bound from the "Sahut" configuration section.</summary>
public sealed class SahutOptions
{
    public const string Section = "Sahut";

    /// <summary>Where the SQLite database, media and keys live. Default ./data; /data in Docker.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>Where plugins are loaded from; default the "plugins" folder beside the executable.</summary>
    public string? PluginsDir { get; set; }

    /// <summary>Public base URL used to build webhook URLs; default the request's own scheme and host.</summary>
    public string? PublicBaseUrl { get; set; }

    public string ResolveDataDir() => Path.GetFullPath(DataDir);

    public string ResolvePluginsDir() => PluginsDir is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.Combine(AppContext.BaseDirectory, "plugins");
}
