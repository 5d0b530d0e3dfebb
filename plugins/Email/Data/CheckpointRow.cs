namespace Sahut.Plugins.Email.Data;

/// <summary>How far a channel's INBOX has been read.</summary>
public sealed class CheckpointRow
{
    public Guid ChannelId { get; set; }

    public long UidValidity { get; set; }

    public long LastUid { get; set; }

    public DateTime UpdatedAt { get; set; }
}
