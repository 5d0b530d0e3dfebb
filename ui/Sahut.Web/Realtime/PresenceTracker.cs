using System.Collections.Concurrent;

namespace Sahut.Web.Realtime;

/// <summary>
/// Who is viewing which conversation, by SignalR connection. Kept per node; with several nodes each node knows its
/// own viewers and presence events reach everyone through the backplane.
/// </summary>
public sealed class PresenceTracker
{
    private readonly ConcurrentDictionary<string, Viewer> byConnection = new();

    public void View(string connectionId, Viewer viewer) => byConnection[connectionId] = viewer;

    /// <summary>Forgets the connection; returns what it was viewing.</summary>
    public Viewer? Leave(string connectionId) => byConnection.TryRemove(connectionId, out var viewer) ? viewer : null;

    public IReadOnlyList<ViewerView> ViewersOf(Guid conversationId) =>
        byConnection.Values.Where(v => v.ConversationId == conversationId)
            .GroupBy(v => v.UserId)
            .Select(g => new ViewerView(g.Key, g.First().Name))
            .OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>Whether the user still views the conversation from another connection (another tab).</summary>
    public bool IsViewing(Guid userId, Guid conversationId) => byConnection.Values.Any(v => v.UserId == userId && v.ConversationId == conversationId);

    public IReadOnlyDictionary<Guid, IReadOnlyList<ViewerView>> ViewersIn(Guid workspaceId) =>
        byConnection.Values.Where(v => v.WorkspaceId == workspaceId)
            .GroupBy(v => v.ConversationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ViewerView>)g.GroupBy(v => v.UserId).Select(u => new ViewerView(u.Key, u.First().Name)).ToList());
}

public sealed record Viewer(Guid WorkspaceId, Guid ConversationId, Guid UserId, string Name);

public sealed record ViewerView(Guid UserId, string Name);
