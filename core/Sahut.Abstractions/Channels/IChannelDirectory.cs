namespace Sahut.Channels;

/// <summary>Looks up connected channels for plugins (e.g. a webhook endpoint resolving its webhook key).</summary>
public interface IChannelDirectory
{
    Task<ChannelContext?> FindByWebhookKeyAsync(string type, string webhookKey, CancellationToken cancellationToken);

    Task<ChannelContext?> FindAsync(Guid channelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChannelContext>> ListAsync(string type, CancellationToken cancellationToken);

    /// <summary>Marks a channel as needing the admin to reconnect it (e.g. an expired token).</summary>
    Task MarkNeedsReconnectAsync(Guid channelId, string reason, CancellationToken cancellationToken);
}
