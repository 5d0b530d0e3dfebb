using System.Reflection;
using Autofac;
using Autofac.Core;

namespace Sahut.Plugins;

/// <summary>
/// Scans the plugins folder (one sub-folder per plugin) and loads each plugin in isolation. Any fault in one
/// plugin marks it Failed with a reason and never stops the others or the host.
/// </summary>
public sealed class PluginCatalogLoader
{
    private readonly IPluginAssemblyLoader _assemblyLoader;

    public PluginCatalogLoader(IPluginAssemblyLoader assemblyLoader)
    {
        _assemblyLoader = assemblyLoader;
    }

    public PluginCatalog Load(string pluginsDirectory)
    {
        if (!System.IO.Directory.Exists(pluginsDirectory))
        {
            return PluginCatalog.Empty(pluginsDirectory);
        }

        var entries = new List<PluginEntry>();
        var loaded = new List<LoadedPlugin>();
        var failures = new Dictionary<string, Exception>(StringComparer.Ordinal);
        var directories = System.IO.Directory.GetDirectories(pluginsDirectory).Order(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            PluginManifest? manifest = null;
            try
            {
                manifest = PluginManifestReader.Read(directory);
                if (entries.Any(e => e.Id == manifest.Id))
                {
                    throw new PluginLoadException($"Another plugin folder already has the id '{manifest.Id}'.");
                }

                var plugin = LoadPlugin(manifest, directory);
                loaded.Add(plugin);
                entries.Add(new PluginEntry(manifest.Id, manifest.Name, manifest.Version, manifest.Abi, PluginState.Loaded, null));
            }
            catch (Exception ex)
            {
                var entry = FailedEntry(directory, manifest, ex, entries);
                failures[entry.Id] = ex;
                entries.Add(entry);
            }
        }

        return new PluginCatalog(pluginsDirectory, entries, loaded, failures);
    }

    private LoadedPlugin LoadPlugin(PluginManifest manifest, string directory)
    {
        if (manifest.Abi != SahutAbi.Version)
        {
            throw new PluginLoadException($"Built for plugin ABI {manifest.Abi}; this host supports ABI {SahutAbi.Version}.");
        }

        var assemblyPath = Path.Combine(directory, manifest.Assembly);
        if (!File.Exists(assemblyPath))
        {
            throw new PluginLoadException($"Assembly {manifest.Assembly} is missing.");
        }

        Assembly assembly;
        Type[] types;
        try
        {
            assembly = _assemblyLoader.LoadPluginAssembly(assemblyPath);

            // Resolve every type now: a type that cannot load would otherwise break MVC's discovery for the whole host later.
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            var first = ex.LoaderExceptions.FirstOrDefault(e => e is not null);
            throw new PluginLoadException($"Assembly {manifest.Assembly} has types that cannot be loaded: {first?.Message ?? ex.Message}", ex);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw new PluginLoadException($"Assembly {manifest.Assembly} could not be loaded: {ex.Message}", ex);
        }

        var moduleType = FindModuleType(manifest, types);
        ProbeModule(moduleType);
        return new LoadedPlugin(manifest, directory, assembly, moduleType);
    }

    private static Type FindModuleType(PluginManifest manifest, Type[] types)
    {
        var modules = types
            .Where(t => t.IsPublic && t.IsClass && !t.IsAbstract && typeof(Autofac.Module).IsAssignableFrom(t))
            .ToList();
        return modules.Count switch
        {
            1 when modules[0].GetConstructor(Type.EmptyTypes) is not null => modules[0],
            1 => throw new PluginLoadException($"Module {modules[0].FullName} has no public parameterless constructor."),
            0 => throw new PluginLoadException(
                $"Assembly {manifest.Assembly} has no public Autofac Module (or references its own copy of Autofac instead of the host's)."),
            _ => throw new PluginLoadException(
                $"Assembly {manifest.Assembly} has more than one public Autofac Module: {string.Join(", ", modules.Select(m => m.FullName))}."),
        };
    }

    // Configures the module against a throw-away registry, so a module that throws never reaches the host's container.
    private static void ProbeModule(Type moduleType)
    {
        try
        {
            var module = (IModule)Activator.CreateInstance(moduleType)!;
            module.Configure(new ContainerBuilder().ComponentRegistryBuilder);
        }
        catch (Exception ex)
        {
            var cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            throw new PluginLoadException($"Module {moduleType.FullName} threw while loading: {cause.Message}", cause);
        }
    }

    private static PluginEntry FailedEntry(string directory, PluginManifest? manifest, Exception ex, List<PluginEntry> entries)
    {
        var reason = ex is PluginLoadException ? ex.Message : $"Unexpected error: {ex.Message}";
        if (manifest is not null && !entries.Any(e => e.Id == manifest.Id))
        {
            return new PluginEntry(manifest.Id, manifest.Name, manifest.Version, manifest.Abi, PluginState.Failed, reason);
        }

        // No usable id from plugin.json (or a duplicate one): name the entry after its folder so it stays distinct.
        var folder = Path.GetFileName(directory);
        var lenient = PluginManifestReader.ReadLeniently(directory);
        var id = manifest is null && lenient.Id is { Length: > 0 } lenientId && !entries.Any(e => e.Id == lenientId) ? lenientId : folder;
        return new PluginEntry(id, lenient.Name ?? manifest?.Name ?? folder, lenient.Version, lenient.Abi, PluginState.Failed, reason);
    }
}
