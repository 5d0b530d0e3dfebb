using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Sahut.Plugins;
using Sahut.Web;

namespace Sahut.Web.Hosting;

/// <summary>Loads the plugins into the host: catalog, Autofac modules, MVC parts and endpoints.</summary>
internal static class PluginHosting
{
    public static WebApplicationBuilder AddSahutPlugins(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SahutOptions.Section).Get<SahutOptions>() ?? new SahutOptions();
        var catalog = new PluginCatalogLoader(new McMasterPluginAssemblyLoader()).Load(options.ResolvePluginsDir());
        builder.Services.AddSingleton(catalog);
        builder.Services.AddHostedService<PluginCatalogReporter>();

        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            foreach (var plugin in catalog.Loaded)
            {
                container.RegisterModule(plugin.CreateModule());
            }
        });

        builder.Services.AddRazorPages();
        builder.Services.AddControllers().ConfigureApplicationPartManager(parts =>
        {
            foreach (var plugin in catalog.Loaded)
            {
                // Views are compiled into the plugin's own assembly, so the same assembly is also the Razor part.
                parts.ApplicationParts.Add(new AssemblyPart(plugin.Assembly));
                parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(plugin.Assembly));
            }
        });
        return builder;
    }

    /// <summary>
    /// Maps Razor Pages and controllers (the host's and the plugins') and the endpoints every plugin registered as
    /// <see cref="IEndpointContributor"/>. MapRazorPages/MapControllers reuse their data source, so calling them again elsewhere is harmless.
    /// </summary>
    public static IEndpointRouteBuilder MapSahutPluginEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        endpoints.MapControllers();
        foreach (var contributor in endpoints.ServiceProvider.GetServices<IEndpointContributor>())
        {
            contributor.MapEndpoints(endpoints);
        }

        return endpoints;
    }
}
