namespace Sahut.Web.Tests.Plugins;

/// <summary>One host whose plugins folder holds two good test plugins and one plugin per kind of fault.</summary>
public sealed class PluginHostFixture : IDisposable
{
    public PluginHostFixture()
    {
        Folder.Add("Alpha");
        Folder.Add("Beta");
        Folder.Add("Throwing");
        TestPluginFolder.EditManifest(Folder.Add("Beta", "OtherAbi"), m =>
        {
            m["id"] = "other-abi";
            m["abi"] = 99;
        });
        var corrupt = Folder.Add("Beta", "Corrupt");
        TestPluginFolder.EditManifest(corrupt, m => m["id"] = "corrupt");
        File.WriteAllBytes(Path.Combine(corrupt, "Sahut.TestPlugins.Beta.dll"), [0x4D, 0x5A, 0x00, 0x01, 0x02]);
        var missingDll = Folder.Add("Beta", "MissingDll");
        TestPluginFolder.EditManifest(missingDll, m => m["id"] = "missing-dll");
        File.Delete(Path.Combine(missingDll, "Sahut.TestPlugins.Beta.dll"));
        File.Delete(Path.Combine(Folder.Add("Beta", "NoManifest"), "plugin.json"));
        File.WriteAllText(Path.Combine(Folder.Add("Beta", "BadManifest"), "plugin.json"), "not json at all");
        Factory = new PluginHostFactory(Folder.Path);
    }

    public TestPluginFolder Folder { get; } = new();

    public PluginHostFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Folder.Dispose();
    }
}
