using System.Reflection;

namespace Sahut.Plugins;

/// <summary>
/// Loads a plugin's main assembly into a load context of its own, sharing the host's copies of the contract
/// assemblies. The one seam over the loading library, so it can be swapped for a plain AssemblyLoadContext.
/// </summary>
public interface IPluginAssemblyLoader
{
    Assembly LoadPluginAssembly(string assemblyPath);
}
