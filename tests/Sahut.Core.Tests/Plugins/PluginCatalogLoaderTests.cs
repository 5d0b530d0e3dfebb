using System.Reflection;
using System.Runtime.Loader;
using Autofac;
using Sahut.Plugins;

namespace Sahut.Tests.Plugins;

public sealed class PluginCatalogLoaderTests : IDisposable
{
    private readonly TestPluginFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Plugins_with_different_versions_of_the_same_dependency_each_get_their_own()
    {
        _folder.Add("Alpha");
        _folder.Add("Beta");

        var catalog = Load();

        Assert.All(catalog.Entries, e => Assert.Equal(PluginState.Loaded, e.State));
        var alpha = NodaTimeSeenBy(catalog, "test-alpha");
        var beta = NodaTimeSeenBy(catalog, "test-beta");
        Assert.StartsWith("2.4.", alpha.Version, StringComparison.Ordinal);
        Assert.StartsWith("3.3.", beta.Version, StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(_folder.Path, "Alpha"), alpha.Location, StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(_folder.Path, "Beta"), beta.Location, StringComparison.Ordinal);
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "NodaTime");
    }

    [Fact]
    public void Each_plugin_gets_its_own_load_context_but_shares_the_host_contracts()
    {
        _folder.Add("Alpha");
        _folder.Add("Beta");

        var catalog = Load();

        var contexts = catalog.Loaded.Select(p => AssemblyLoadContext.GetLoadContext(p.Assembly)).ToList();
        Assert.Equal(2, contexts.Distinct().Count());
        Assert.DoesNotContain(AssemblyLoadContext.Default, contexts);
        Assert.All(catalog.Loaded, p => Assert.IsAssignableFrom<Autofac.Module>(p.CreateModule()));
    }

    [Fact]
    public void Loaded_plugin_modules_register_their_services_in_a_container()
    {
        _folder.Add("Alpha");
        var catalog = Load();

        var builder = new ContainerBuilder();
        foreach (var plugin in catalog.Loaded)
        {
            builder.RegisterModule(plugin.CreateModule());
        }

        using var container = builder.Build();
        var contributor = Assert.Single(container.Resolve<IEnumerable<Sahut.Web.IEndpointContributor>>());
        Assert.Equal("Sahut.TestPlugins.Alpha.AlphaEndpoints", contributor.GetType().FullName);
    }

    [Fact]
    public void Manifest_fields_are_reported_for_a_loaded_plugin()
    {
        _folder.Add("Alpha");

        var entry = Assert.Single(Load().Entries);

        Assert.Equal(new PluginEntry("test-alpha", "Test Alpha", "1.0.0", 1, PluginState.Loaded, null), entry);
    }

    [Fact]
    public void Missing_plugin_json_fails_that_plugin_only()
    {
        _folder.Add("Alpha");
        File.Delete(Path.Combine(_folder.Add("Beta", "NoManifest"), "plugin.json"));

        AssertFailedBesideAlpha(Load(), "NoManifest", "plugin.json is missing");
    }

    [Fact]
    public void Invalid_plugin_json_fails_that_plugin_only()
    {
        _folder.Add("Alpha");
        File.WriteAllText(Path.Combine(_folder.Add("Beta", "BadJson"), "plugin.json"), "{ \"id\": \"bad-json\", ");

        AssertFailedBesideAlpha(Load(), "BadJson", "not valid JSON");
    }

    [Fact]
    public void Plugin_json_without_required_field_fails_that_plugin_only()
    {
        _folder.Add("Alpha");
        TestPluginFolder.EditManifest(_folder.Add("Beta"), m => m.Remove("abi"));

        AssertFailedBesideAlpha(Load(), "test-beta", "\"abi\" is missing");
    }

    [Fact]
    public void Assembly_outside_the_plugin_folder_is_refused()
    {
        _folder.Add("Alpha");
        TestPluginFolder.EditManifest(_folder.Add("Beta"), m => m["assembly"] = "../Alpha/Sahut.TestPlugins.Alpha.dll");

        AssertFailedBesideAlpha(Load(), "test-beta", "must be a .dll file name");
    }

    [Fact]
    public void Missing_dll_fails_that_plugin_only()
    {
        _folder.Add("Alpha");
        File.Delete(Path.Combine(_folder.Add("Beta"), "Sahut.TestPlugins.Beta.dll"));

        AssertFailedBesideAlpha(Load(), "test-beta", "Sahut.TestPlugins.Beta.dll is missing");
    }

    [Fact]
    public void Corrupt_dll_fails_that_plugin_only()
    {
        _folder.Add("Alpha");
        File.WriteAllBytes(Path.Combine(_folder.Add("Beta"), "Sahut.TestPlugins.Beta.dll"), "MZ this is not a PE image"u8.ToArray());

        AssertFailedBesideAlpha(Load(), "test-beta", "could not be loaded");
    }

    [Fact]
    public void Abi_mismatch_fails_that_plugin_only()
    {
        _folder.Add("Alpha");
        TestPluginFolder.EditManifest(_folder.Add("Beta"), m => m["abi"] = SahutAbi.Version + 1);

        var entry = AssertFailedBesideAlpha(Load(), "test-beta", $"ABI {SahutAbi.Version + 1}");
        Assert.Equal(SahutAbi.Version + 1, entry.Abi);
    }

    [Fact]
    public void Module_that_throws_fails_that_plugin_only()
    {
        _folder.Add("Alpha");
        _folder.Add("Throwing");

        AssertFailedBesideAlpha(Load(), "test-throwing", "Test plugin module fails on purpose.");
    }

    [Fact]
    public void Assembly_without_a_module_fails_that_plugin_only()
    {
        _folder.Add("Alpha");
        TestPluginFolder.EditManifest(_folder.Add("Beta"), m => m["assembly"] = "NodaTime.dll");

        AssertFailedBesideAlpha(Load(), "test-beta", "no public Autofac Module");
    }

    [Fact]
    public void Duplicate_id_fails_the_second_folder()
    {
        _folder.Add("Alpha");
        _folder.Add("Alpha", "AlphaCopy");

        var catalog = Load();

        Assert.Equal(PluginState.Loaded, Assert.Single(catalog.Entries, e => e.Id == "test-alpha").State);
        var copy = Assert.Single(catalog.Entries, e => e.Id == "AlphaCopy");
        Assert.Equal(PluginState.Failed, copy.State);
        Assert.Contains("already has the id", copy.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_plugins_folder_gives_an_empty_catalog()
    {
        var catalog = new PluginCatalogLoader(new McMasterPluginAssemblyLoader()).Load(Path.Combine(_folder.Path, "nope"));

        Assert.Empty(catalog.Entries);
        Assert.Empty(catalog.Loaded);
    }

    private PluginCatalog Load() => new PluginCatalogLoader(new McMasterPluginAssemblyLoader()).Load(_folder.Path);

    private static PluginEntry AssertFailedBesideAlpha(PluginCatalog catalog, string failedId, string reason)
    {
        Assert.Equal(2, catalog.Entries.Count);
        Assert.Equal(PluginState.Loaded, Assert.Single(catalog.Entries, e => e.Id == "test-alpha").State);
        Assert.Equal("test-alpha", Assert.Single(catalog.Loaded).Manifest.Id);
        var failed = Assert.Single(catalog.Entries, e => e.Id == failedId);
        Assert.Equal(PluginState.Failed, failed.State);
        Assert.Contains(reason, failed.FailureReason, StringComparison.Ordinal);
        Assert.True(catalog.Failures.ContainsKey(failedId));
        return failed;
    }

    private static (string Version, string Location) NodaTimeSeenBy(PluginCatalog catalog, string id)
    {
        var plugin = Assert.Single(catalog.Loaded, p => p.Manifest.Id == id);
        var reporter = plugin.Assembly.GetTypes().Single(t => t.Name == "NodaTimeVersion");
        var value = (string)reporter.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var parts = value.Split('|');
        return (parts[0], parts[1]);
    }
}
