namespace Sahut.Domain;

/// <summary>Who is replying in a conversation right now. One row per conversation; an expired row is free to take.</summary>
public sealed class ReplyLease
{
    public Guid ConversationId { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }
    public DateTime ExpiresAt { get; set; }
}
