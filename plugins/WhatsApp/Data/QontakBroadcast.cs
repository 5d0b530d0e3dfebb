namespace Sahut.Plugins.WhatsApp.Data;

/// <summary>
/// A template Sahut sent through Qontak's direct broadcast. The core knows the message by the broadcast id; Qontak's
/// status webhooks name it by its WhatsApp message id, which only the broadcast log tells. <see cref="NextCheckAt"/> is
/// when the log is asked next (null once the id is known, or after giving up).
/// </summary>
public sealed class QontakBroadcast
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChannelId { get; set; }
    public required string BroadcastId { get; set; }
    public string? WhatsAppMessageId { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextCheckAt { get; set; }
    public DateTime CreatedAt { get; set; }
}
