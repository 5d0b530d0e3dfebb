namespace Sahut.Web.Hosting;

/// <summary>Loads plugins into the host (placeholder until the plugin catalog lands).</summary>
internal static class PluginHosting
{
    public static WebApplicationBuilder AddSahutPlugins(this WebApplicationBuilder builder) => builder;
}
