namespace Sahut.Plugins.Email.Data;

/// <summary>A message the receiver could not take into the inbox, with its raw bytes for an admin.</summary>
public sealed class QuarantineRow
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public long UidValidity { get; set; }

    public long Uid { get; set; }

    public string? MessageId { get; set; }

    public string? From { get; set; }

    public string? Subject { get; set; }

    public string Reason { get; set; } = "";

    public DateTime QuarantinedAt { get; set; }

    public byte[]? Raw { get; set; }
}
