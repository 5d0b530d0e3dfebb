namespace Sahut.Plugins.Email.Data;

/// <summary>A Message-ID the inbox holds for a channel (received or sent), for choosing which reference to thread by.</summary>
public sealed class KnownMessageIdRow
{
    public Guid ChannelId { get; set; }

    public string MessageId { get; set; } = "";
}
