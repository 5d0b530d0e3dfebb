namespace Sahut.Plugins.WhatsApp.Data;

/// <summary>
/// A Qontak status webhook for a WhatsApp message id no broadcast is linked to yet: kept until the broadcast log names
/// that id (then it is applied to the broadcast's message), or until it is too old to matter.
/// </summary>
public sealed class QontakHeldStatus
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChannelId { get; set; }
    public required string WhatsAppMessageId { get; set; }
    public int Status { get; set; }
    public DateTime Timestamp { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorReason { get; set; }
    public DateTime ReceivedAt { get; set; }
}
