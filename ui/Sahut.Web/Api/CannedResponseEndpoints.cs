using Sahut.Team;
using Sahut.Web.Security;

namespace Sahut.Web.Api;

/// <summary>Shared saved replies: every member may list, add, change and remove them.</summary>
internal static class CannedResponseEndpoints
{
    public static void MapCannedResponseEndpoints(this RouteGroupBuilder workspace)
    {
        var canned = workspace.MapGroup("/canned-responses").WithTags("Canned responses");
        canned.MapGet("/", async (WorkspaceCaller caller, string? prefix, CannedResponseService service, CancellationToken ct) =>
            await service.ListAsync(caller.WorkspaceId, prefix, ct));
        canned.MapPost("/", async (WorkspaceCaller caller, CannedResponseRequest request, CannedResponseService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(caller.WorkspaceId, request.Shortcut ?? "", request.Content ?? "", ct);
            return Results.Created($"/api/v1/workspaces/{caller.WorkspaceId}/canned-responses/{created.Id}", created);
        });
        canned.MapPut("/{id:guid}", async (WorkspaceCaller caller, Guid id, CannedResponseRequest request, CannedResponseService service, CancellationToken ct) =>
            await service.UpdateAsync(caller.WorkspaceId, id, request.Shortcut ?? "", request.Content ?? "", ct));
        canned.MapDelete("/{id:guid}", async (WorkspaceCaller caller, Guid id, CannedResponseService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(caller.WorkspaceId, id, ct);
            return Results.NoContent();
        });
    }
}
