using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sahut.Plugins;

/// <summary>Reads and validates plugin.json; every problem becomes a <see cref="PluginLoadException"/> with a readable reason.</summary>
public static partial class PluginManifestReader
{
    public const string FileName = "plugin.json";

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    // Synchronous on purpose: plugins load while the host is being composed, before anything async can run.
    public static PluginManifest Read(string pluginDirectory)
    {
        var path = Path.Combine(pluginDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new PluginLoadException($"{FileName} is missing.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), JsonOptions);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new PluginLoadException($"{FileName} is not valid JSON: {ex.Message}", ex);
        }
    }

    public static PluginManifest Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PluginLoadException($"{FileName} must hold a JSON object.");
        }

        var id = RequiredString(root, "id");
        if (!IdPattern().IsMatch(id))
        {
            throw new PluginLoadException($"{FileName}: id '{id}' must be lower-case letters, digits, '.', '_' or '-'.");
        }

        var name = RequiredString(root, "name");
        var version = RequiredString(root, "version");
        var abi = RequiredInt(root, "abi");
        var assembly = RequiredString(root, "assembly");

        // The assembly must sit in the plugin's own folder: a path could load code from anywhere.
        if (assembly != Path.GetFileName(assembly) || !assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginLoadException($"{FileName}: assembly '{assembly}' must be a .dll file name in the plugin's folder.");
        }

        return new PluginManifest(id, name, version, abi, assembly);
    }

    /// <summary>Reads what it can for the catalog entry of a plugin whose manifest is invalid.</summary>
    public static (string? Id, string? Name, string? Version, int? Abi) ReadLeniently(string pluginDirectory)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(pluginDirectory, FileName)), JsonOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            return (OptionalString(root, "id"), OptionalString(root, "name"), OptionalString(root, "version"),
                root.TryGetProperty("abi", out var abi) && abi.ValueKind == JsonValueKind.Number && abi.TryGetInt32(out var value) ? value : null);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return default;
        }
    }

    private static string RequiredString(JsonElement root, string property) =>
        OptionalString(root, property) is { Length: > 0 } value
            ? value
            : throw new PluginLoadException($"{FileName}: \"{property}\" is missing or not a non-empty string.");

    private static int RequiredInt(JsonElement root, string property) =>
        root.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value
            : throw new PluginLoadException($"{FileName}: \"{property}\" is missing or not an integer.");

    private static string? OptionalString(JsonElement root, string property) =>
        root.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString()?.Trim() : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex IdPattern();
}
