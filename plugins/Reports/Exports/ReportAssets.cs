using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sahut.Plugins.Reports.Exports;

/// <summary>Serves the plugin's embedded scripts and styles (its own and the vendored Chart.js) at /plugins/reports/assets/{name}.</summary>
internal static class ReportAssets
{
    public const string BasePath = "/plugins/reports/assets/";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(BasePath + "{name}", (string name) =>
        {
            var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream("ReportsAsset." + name);
            if (stream is null)
            {
                return Results.NotFound();
            }

            var type = name.EndsWith(".css", StringComparison.OrdinalIgnoreCase) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            return Results.Stream(stream, type);
        }).ExcludeFromDescription();
}
