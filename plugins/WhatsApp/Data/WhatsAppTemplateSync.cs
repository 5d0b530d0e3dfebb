namespace Sahut.Plugins.WhatsApp.Data;

/// <summary>When a channel's templates were last synced (a channel with no row was never synced).</summary>
public sealed class WhatsAppTemplateSync
{
    public Guid ChannelId { get; set; }
    public DateTime SyncedAt { get; set; }
    public int Count { get; set; }
}
