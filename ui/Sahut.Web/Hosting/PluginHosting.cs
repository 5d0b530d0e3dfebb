using Sahut.Web;

namespace Sahut.Web.Hosting;

/// <summary>Loads plugins into the host (placeholder until the plugin catalog lands).</summary>
internal static class PluginHosting
{
    public static WebApplicationBuilder AddSahutPlugins(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapSahutPluginEndpoints(this WebApplication app)
    {
        foreach (var contributor in app.Services.GetServices<IEndpointContributor>())
        {
            contributor.MapEndpoints(app);
        }

        return app;
    }
}
