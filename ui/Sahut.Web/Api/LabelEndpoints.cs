using Sahut.Team;
using Sahut.Web.Security;

namespace Sahut.Web.Api;

/// <summary>Workspace labels (admins manage them) and the labels on a conversation (any member sets them).</summary>
internal static class LabelEndpoints
{
    public static void MapLabelEndpoints(this RouteGroupBuilder workspace)
    {
        var labels = workspace.MapGroup("/labels").WithTags("Labels");
        labels.MapGet("/", async (WorkspaceCaller caller, LabelService service, CancellationToken ct) =>
            await service.ListAsync(caller.WorkspaceId, ct));
        labels.MapPost("/", async (WorkspaceCaller caller, LabelRequest request, LabelService service, CancellationToken ct) =>
        {
            caller.EnsureAdmin();
            var label = await service.CreateAsync(caller.WorkspaceId, request.Name ?? "", request.Color, ct);
            return Results.Created($"/api/v1/workspaces/{caller.WorkspaceId}/labels/{label.Id}", label);
        });
        labels.MapDelete("/{id:guid}", async (WorkspaceCaller caller, Guid id, LabelService service, CancellationToken ct) =>
        {
            caller.EnsureAdmin();
            await service.DeleteAsync(caller.WorkspaceId, id, ct);
            return Results.NoContent();
        });

        var onConversation = workspace.MapGroup("/conversations/{id:guid}/labels").WithTags("Labels");
        onConversation.MapGet("/", async (WorkspaceCaller caller, Guid id, LabelService service, CancellationToken ct) =>
            await service.ForConversationAsync(caller.WorkspaceId, id, ct));
        onConversation.MapPut("/", async (WorkspaceCaller caller, Guid id, ConversationLabelsRequest request, LabelService service, CancellationToken ct) =>
        {
            await service.SetAsync(caller.WorkspaceId, id, request.LabelIds ?? [], ct);
            return await service.ForConversationAsync(caller.WorkspaceId, id, ct);
        });
    }
}
