namespace Sahut.Domain;

/// <summary>An outbound message waiting to be handed to its channel. Written in the same transaction as the message.</summary>
public sealed class OutboxItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid MessageId { get; set; }
    public Guid ChannelId { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Set while a node is sending; a lease older than the timeout is reclaimed after a crash.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum OutboxState
{
    Pending = 0,
    Sending = 1,
    Done = 2,
    Failed = 3,
}
