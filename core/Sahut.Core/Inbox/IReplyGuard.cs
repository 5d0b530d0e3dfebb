namespace Sahut.Inbox;

/// <summary>
/// Decides whether a user may send a customer-visible reply in a conversation right now (reply lease, assignee).
/// Throws <see cref="Errors.ConflictException"/> to refuse. API-token callers have no user.
/// </summary>
public interface IReplyGuard
{
    Task EnsureMayReplyAsync(Guid workspaceId, Guid conversationId, Guid? userId, CancellationToken cancellationToken);

    /// <summary>The reply was stored; whatever the guard took for it can be let go.</summary>
    Task ReplySentAsync(Guid workspaceId, Guid conversationId, Guid? userId, CancellationToken cancellationToken);
}
