namespace Sahut.Domain;

public sealed class Conversation
{
    public Conversation()
        : this(Guid.CreateVersion7())
    {
    }

    /// <summary>An existing row's instance: its id is read, not made (making one costs a read of the system's random source).</summary>
    public Conversation(Guid id) => Id = id;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public Guid ContactId { get; set; }
    public ConversationStatus Status { get; set; }
    public Guid? AssigneeId { get; set; }
    public string? Subject { get; set; }

    /// <summary>Channel-specific thread key (e.g. an email thread root) used to route follow-ups here.</summary>
    public string? ThreadKey { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastInboundAt { get; set; }
    public DateTime LastMessageAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public int MessagesIn { get; set; }
    public int MessagesOut { get; set; }
    public int NotesCount { get; set; }
    public string? LastMessagePreview { get; set; }

    public Channel? Channel { get; set; }
    public Contact? Contact { get; set; }
}
