using Microsoft.EntityFrameworkCore;
using Sahut.Data;

namespace Sahut.Web.Health;

internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => Results.Ok(new { status = "live" })).ExcludeFromDescription();
        endpoints.MapGet("/health/ready", async (SahutDbContext db, DatabaseMigrator migrator, CancellationToken ct) =>
        {
            var database = await db.Database.CanConnectAsync(ct);
            var migrated = database && await migrator.IsUpToDateAsync(ct);
            var ready = database && migrated;
            var body = new { status = ready ? "ready" : "unready", database, migrations = migrated };
            return ready ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
    }
}
