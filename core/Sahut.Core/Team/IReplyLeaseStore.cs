namespace Sahut.Team;

/// <summary>
/// The one-replier rule's state. Behind an interface so a multi-node store can replace it; the default keeps leases
/// in the database, which every node already shares.
/// </summary>
public interface IReplyLeaseStore
{
    /// <summary>Takes or renews the lease for <paramref name="userId"/>; when someone else holds it, returns their lease unchanged.</summary>
    Task<LeaseState> AcquireAsync(Guid workspaceId, Guid conversationId, Guid userId, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Releases the lease if <paramref name="userId"/> holds it.</summary>
    Task<bool> ReleaseAsync(Guid conversationId, Guid userId, CancellationToken cancellationToken);

    /// <summary>The live lease, or null.</summary>
    Task<LeaseState?> GetAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>Every live lease in the workspace (the inbox list shows who is replying where).</summary>
    Task<IReadOnlyList<LeaseState>> ActiveInAsync(Guid workspaceId, CancellationToken cancellationToken);
}

/// <summary>Who holds a conversation's reply lease and until when; <see cref="Granted"/> tells the caller whether it is theirs.</summary>
public sealed record LeaseState(Guid ConversationId, Guid HolderId, DateTime ExpiresAt, bool Granted);
