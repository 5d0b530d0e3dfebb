using Sahut.Channels;

namespace Sahut.Domain;

public sealed class Message
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid ConversationId { get; set; }
    public Guid ChannelId { get; set; }
    public MessageDirection Direction { get; set; }
    public required string Kind { get; set; }
    public string? Body { get; set; }

    /// <summary>Channel-specific extra data as JSON (template name, location, quoted message …).</summary>
    public string? Metadata { get; set; }

    /// <summary>Unique per channel; repeats of the same provider message are no-ops.</summary>
    public string? ProviderMessageId { get; set; }

    public Guid? ReplyToMessageId { get; set; }
    public Guid? AuthorId { get; set; }
    public DeliveryStatus DeliveryStatus { get; set; }
    public string? FailureCode { get; set; }
    public string? FailureReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StatusAt { get; set; }

    public List<Attachment> Attachments { get; set; } = [];
}
