using System.Text.Json.Nodes;

namespace Sahut.Web.Tests.Plugins;

/// <summary>A temporary plugins folder filled from the test plugins the build copied to testplugins/.</summary>
public sealed class TestPluginFolder : IDisposable
{
    public TestPluginFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sahut-plugins-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Copies test plugin <paramref name="testPlugin"/> (Alpha, Beta, Throwing) into a sub-folder and returns it.</summary>
    public string Add(string testPlugin, string? folder = null)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "testplugins", testPlugin);
        if (!Directory.Exists(source))
        {
            throw new InvalidOperationException($"Test plugin {testPlugin} was not built into {source}.");
        }

        var target = System.IO.Path.Combine(Path, folder ?? testPlugin);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public static void EditManifest(string pluginFolder, Action<JsonObject> edit)
    {
        var path = System.IO.Path.Combine(pluginFolder, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
