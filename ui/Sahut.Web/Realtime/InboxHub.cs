using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Team;
using Sahut.Web.Security;

namespace Sahut.Web.Realtime;

/// <summary>
/// The inbox's real-time channel (<c>/hubs/inbox</c>). Clients join their workspace's group, open conversations
/// (presence) and take the reply lease while typing; events come from <see cref="RealtimeBroadcaster{TEvent}"/>.
/// Every call re-checks the caller's access to the workspace it names.
/// </summary>
[Authorize(Policy = AuthSchemes.Default)]
public sealed class InboxHub(PresenceTracker presence, ReplyLeaseService leases, SahutDbContext db, TimeProvider time) : Hub
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

        var active = await leases.ActiveInAsync(workspaceId, Context.ConnectionAborted);
        var names = await NamesOfAsync(active.Select(l => l.HolderId));
        return new
        {
            viewers = presence.ViewersIn(workspaceId),
            leases = active.Select(l => LeaseView(l, names.GetValueOrDefault(l.HolderId))).ToList(),
        };
    }

    public async Task<object> OpenConversation(Guid workspaceId, Guid conversationId)
    {
        var caller = await AccessAsync(workspaceId);
        await EnsureConversationAsync(workspaceId, conversationId);
        await LeaveCurrentAsync();
        if (caller.UserId is { } userId)
        {
            presence.View(Context.ConnectionId, new Viewer(workspaceId, conversationId, userId, await NameOfAsync(userId)));
            await BroadcastPresenceAsync(workspaceId, conversationId);
        }

        var lease = await leases.CurrentAsync(conversationId, Context.ConnectionAborted);
        return new { viewers = presence.ViewersOf(conversationId), lease = lease is null ? null : LeaseView(lease, await NameOfAsync(lease.HolderId)) };
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
        await EnsureConversationAsync(workspaceId, conversationId);
        var lease = await leases.StartTypingAsync(workspaceId, conversationId, userId, Context.ConnectionAborted);
        return LeaseView(lease, await NameOfAsync(lease.HolderId));
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

    private object LeaseView(LeaseState lease, string? holderName) => new
    {
        lease.ConversationId,
        granted = lease.Granted,
        lease.HolderId,
        holderName,
        lease.ExpiresAt,
        expiresInMs = LeaseClock.MillisecondsLeft(lease.ExpiresAt, time),
    };

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

    private async Task EnsureConversationAsync(Guid workspaceId, Guid conversationId)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId && c.WorkspaceId == workspaceId, Context.ConnectionAborted))
        {
            throw new HubException("Conversation not found.");
        }
    }

    private async Task<WorkspaceCaller> AccessAsync(Guid workspaceId) =>
        await WorkspaceCaller.ResolveAsync(Context.GetHttpContext() ?? throw new HubException("No HTTP context."), workspaceId)
        ?? throw new HubException("Workspace not found.");

    private async Task<string> NameOfAsync(Guid userId) =>
        (await NamesOfAsync([userId])).GetValueOrDefault(userId) ?? "?";

    private async Task<Dictionary<Guid, string>> NamesOfAsync(IEnumerable<Guid> userIds)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.UserName ?? "?" })
            .ToDictionaryAsync(u => u.Id, u => u.Name, Context.ConnectionAborted);
    }
}
