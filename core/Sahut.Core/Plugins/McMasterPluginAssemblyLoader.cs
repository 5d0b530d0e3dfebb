using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Channels;

namespace Sahut.Plugins;

/// <summary>One McMaster load context per plugin, preferring the host's assemblies wherever the host has them.</summary>
public sealed class McMasterPluginAssemblyLoader : IPluginAssemblyLoader
{
    // Types whose assemblies must be the host's, so a plugin's Module, contracts and MVC types are the ones the host sees.
    private readonly Type[] _sharedTypes =
    [
        typeof(Autofac.Module),
        typeof(IChannelType),
        typeof(ControllerBase),
        typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel),
        typeof(IServiceCollection),
        typeof(DbContext),
        typeof(Microsoft.Extensions.Logging.ILogger),
    ];

    public Assembly LoadPluginAssembly(string assemblyPath)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, _sharedTypes, config =>
        {
            config.PreferSharedTypes = true;
            config.IsUnloadable = false;
        });
        return loader.LoadDefaultAssembly();
    }
}
