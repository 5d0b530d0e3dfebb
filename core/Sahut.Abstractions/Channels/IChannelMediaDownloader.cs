namespace Sahut.Channels;

/// <summary>
/// Implemented by channel types whose inbound media arrives as a provider media id (e.g. WhatsApp's two-step
/// download). The core calls it after the message is committed, off the webhook path, and retries on failure.
/// </summary>
public interface IChannelMediaDownloader
{
    Task<DownloadedMedia> DownloadAsync(ChannelContext channel, string providerMediaId, CancellationToken cancellationToken);
}

/// <summary>Downloaded bytes and, where the provider tells, the real content type and file name.</summary>
public sealed record DownloadedMedia(byte[] Content, string? ContentType, string? FileName);
