namespace Sahut.Web.Api;

public sealed record CannedResponseRequest(string? Shortcut, string? Content);

public sealed record LabelRequest(string? Name, string? Color);

public sealed record ConversationLabelsRequest(IReadOnlyList<Guid>? LabelIds);

/// <summary>Ids to mark read; none means all of the caller's notifications in the workspace.</summary>
public sealed record MarkNotificationsReadRequest(IReadOnlyList<Guid>? Ids);

public sealed record LeaseResponse(Guid ConversationId, Guid HolderId, string? HolderName, DateTime ExpiresAt, bool Granted);
