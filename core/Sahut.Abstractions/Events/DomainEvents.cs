namespace Sahut.Events;

/// <summary>Something that happened in a workspace. Handlers run after the change is committed.</summary>
public abstract record DomainEvent(Guid WorkspaceId);

public sealed record MessageReceived(Guid WorkspaceId, Guid ConversationId, Guid MessageId) : DomainEvent(WorkspaceId);

public sealed record MessageSent(Guid WorkspaceId, Guid ConversationId, Guid MessageId) : DomainEvent(WorkspaceId);

public sealed record MessageStatusChanged(Guid WorkspaceId, Guid ConversationId, Guid MessageId, string Status) : DomainEvent(WorkspaceId);

public sealed record ConversationOpened(Guid WorkspaceId, Guid ConversationId, bool Reopened) : DomainEvent(WorkspaceId);

public sealed record ConversationAssigned(Guid WorkspaceId, Guid ConversationId, Guid? AssigneeId) : DomainEvent(WorkspaceId);

public sealed record ConversationStatusChanged(Guid WorkspaceId, Guid ConversationId, string Status) : DomainEvent(WorkspaceId);

public sealed record NoteAdded(Guid WorkspaceId, Guid ConversationId, Guid NoteId) : DomainEvent(WorkspaceId);

/// <summary>A message changed after it was stored (e.g. its media finished downloading).</summary>
public sealed record MessageUpdated(Guid WorkspaceId, Guid ConversationId, Guid MessageId) : DomainEvent(WorkspaceId);

/// <summary>The reply lease of a conversation was taken, renewed or released (<see cref="HolderId"/> null).</summary>
public sealed record ReplyLeaseChanged(Guid WorkspaceId, Guid ConversationId, Guid? HolderId, DateTime? ExpiresAt, bool Renewed) : DomainEvent(WorkspaceId);

/// <summary>Someone was @mentioned in a note; a notification was stored for them.</summary>
public sealed record UserMentioned(Guid WorkspaceId, Guid ConversationId, Guid NoteId, Guid UserId, Guid NotificationId) : DomainEvent(WorkspaceId);

public sealed record ConversationLabelsChanged(Guid WorkspaceId, Guid ConversationId) : DomainEvent(WorkspaceId);
