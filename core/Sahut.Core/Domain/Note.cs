namespace Sahut.Domain;

/// <summary>An internal note on a conversation; never sent to the customer.</summary>
public sealed class Note
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid ConversationId { get; set; }
    public Guid AuthorId { get; set; }
    public required string Body { get; set; }

    /// <summary>User ids mentioned with @, comma-separated.</summary>
    public string? Mentions { get; set; }

    public DateTime CreatedAt { get; set; }
}
