using Sahut.Data;
using Sahut.Plugins;

namespace Sahut.Web.Health;

internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => Results.Ok(new { status = "live" })).ExcludeFromDescription();
        endpoints.MapGet("/health/ready", async (SahutDbContext db, DatabaseMigrator migrator, PluginCatalog plugins, CancellationToken ct) =>
        {
            var database = await db.Database.CanConnectAsync(ct);
            var migrated = database && await migrator.IsUpToDateAsync(ct);
            var ready = database && migrated;
            // A failed plugin does not make the node unready: the host deliberately serves without it, and says so here.
            var status = !ready ? "unready" : plugins.Entries.Any(p => p.State == PluginState.Failed) ? "degraded" : "ready";
            var body = new
            {
                status,
                database,
                migrations = migrated,
                plugins = plugins.Entries.Select(p => new { p.Id, p.Name, p.Version, p.Abi, State = p.State.ToString().ToLowerInvariant(), p.FailureReason }),
            };
            return ready ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
    }
}
