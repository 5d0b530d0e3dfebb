using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Team;
using Sahut.Web.Security;

namespace Sahut.Web.Realtime;

/// <summary>
/// The inbox's real-time channel (<c>/hubs/inbox</c>). Clients join their workspace's group, open conversations
/// (presence) and take the reply lease while typing; events come from <see cref="RealtimeBroadcaster"/>.
/// Every call re-checks the caller's access to the workspace it names.
/// </summary>
[Authorize(Policy = AuthSchemes.Default)]
public sealed class InboxHub(PresenceTracker presence, ReplyLeaseService leases, SahutDbContext db) : Hub
{
    public const string Path = "/hubs/inbox";

    public async Task<object> JoinWorkspace(Guid workspaceId)
    {
        var caller = await AccessAsync(workspaceId);
        await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.Workspace(workspaceId));
        if (caller.UserId is { } userId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeGroups.User(userId));
        }

        return new { viewers = presence.ViewersIn(workspaceId) };
    }

    public async Task<object> OpenConversation(Guid workspaceId, Guid conversationId)
    {
        var caller = await AccessAsync(workspaceId);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId && c.WorkspaceId == workspaceId, Context.ConnectionAborted))
        {
            throw new HubException("Conversation not found.");
        }

        await LeaveCurrentAsync();
        if (caller.UserId is { } userId)
        {
            presence.View(Context.ConnectionId, new Viewer(workspaceId, conversationId, userId, await NameOfAsync(userId)));
            await BroadcastPresenceAsync(workspaceId, conversationId);
        }

        var lease = await leases.CurrentAsync(conversationId, Context.ConnectionAborted);
        return new { viewers = presence.ViewersOf(conversationId), lease = lease is null ? null : new { lease.HolderId, holderName = await NameOfAsync(lease.HolderId), lease.ExpiresAt } };
    }

    public async Task CloseConversation(Guid workspaceId, Guid conversationId)
    {
        await AccessAsync(workspaceId);
        await LeaveCurrentAsync();
    }

    /// <summary>Takes or renews the reply lease; the answer says whether the caller holds it and otherwise who does.</summary>
    public async Task<object> Typing(Guid workspaceId, Guid conversationId)
    {
        var caller = await AccessAsync(workspaceId);
        var userId = caller.UserId ?? throw new HubException("Only signed-in agents take the reply lease.");
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId && c.WorkspaceId == workspaceId, Context.ConnectionAborted))
        {
            throw new HubException("Conversation not found.");
        }

        var lease = await leases.StartTypingAsync(workspaceId, conversationId, userId, Context.ConnectionAborted);
        return new { granted = lease.Granted, lease.HolderId, holderName = await NameOfAsync(lease.HolderId), lease.ExpiresAt };
    }

    public async Task StopTyping(Guid workspaceId, Guid conversationId)
    {
        var caller = await AccessAsync(workspaceId);
        if (caller.UserId is { } userId)
        {
            await leases.StopTypingAsync(workspaceId, conversationId, userId, Context.ConnectionAborted);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await LeaveCurrentAsync();
        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveCurrentAsync()
    {
        if (presence.Leave(Context.ConnectionId) is not { } left)
        {
            return;
        }

        if (!presence.IsViewing(left.UserId, left.ConversationId))
        {
            // Leaving the conversation releases the reply lease, unless the agent still has it open in another tab.
            await leases.StopTypingAsync(left.WorkspaceId, left.ConversationId, left.UserId, CancellationToken.None);
        }

        await BroadcastPresenceAsync(left.WorkspaceId, left.ConversationId);
    }

    private Task BroadcastPresenceAsync(Guid workspaceId, Guid conversationId) =>
        Clients.Group(RealtimeGroups.Workspace(workspaceId)).SendAsync("presence", new { conversationId, viewers = presence.ViewersOf(conversationId) });

    private async Task<WorkspaceCaller> AccessAsync(Guid workspaceId) =>
        await WorkspaceCaller.ResolveAsync(Context.GetHttpContext() ?? throw new HubException("No HTTP context."), workspaceId)
        ?? throw new HubException("Workspace not found.");

    private async Task<string> NameOfAsync(Guid userId) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.Email ?? u.UserName).FirstOrDefaultAsync(Context.ConnectionAborted) ?? "?";
}
