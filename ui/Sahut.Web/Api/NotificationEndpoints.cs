using Sahut.Errors;
using Sahut.Team;
using Sahut.Web.Security;

namespace Sahut.Web.Api;

/// <summary>The signed-in agent's in-app notifications in this workspace.</summary>
internal static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this RouteGroupBuilder workspace)
    {
        var notifications = workspace.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", async (WorkspaceCaller caller, bool? unread, NotificationService service, CancellationToken ct) =>
        {
            var userId = AgentOf(caller);
            return new
            {
                unreadCount = await service.UnreadCountAsync(caller.WorkspaceId, userId, ct),
                items = await service.ListAsync(caller.WorkspaceId, userId, unread == true, ct),
            };
        });
        notifications.MapPost("/read", async (WorkspaceCaller caller, MarkNotificationsReadRequest? request, NotificationService service, CancellationToken ct) =>
        {
            var userId = AgentOf(caller);
            await service.MarkReadAsync(caller.WorkspaceId, userId, request?.Ids, ct);
            return new { unreadCount = await service.UnreadCountAsync(caller.WorkspaceId, userId, ct) };
        });

        workspace.MapGet("/conversations/counts", async (WorkspaceCaller caller, UnansweredCounts counts, CancellationToken ct) =>
            await counts.CountAsync(caller.WorkspaceId, caller.UserId, ct)).WithTags("Conversations");
    }

    private static Guid AgentOf(WorkspaceCaller caller) =>
        caller.UserId ?? throw new ForbiddenException("Notifications belong to agents; API tokens have none.");
}
