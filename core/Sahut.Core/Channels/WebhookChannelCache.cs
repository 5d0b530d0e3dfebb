using System.Collections.Concurrent;

namespace Sahut.Channels;

/// <summary>
/// Recently found channels by webhook key, so a burst of deliveries does not query and decrypt the channel per request.
/// Only channels that exist are kept (the number of connected channels bounds it); a disconnect on this node removes
/// its entry at once, on another node within <see cref="Lifetime"/>.
/// </summary>
public sealed class WebhookChannelCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<(string Type, string WebhookKey), (ChannelContext Channel, DateTimeOffset Until)> entries = new();

    public bool TryGet(string type, string webhookKey, out ChannelContext channel)
    {
        if (entries.TryGetValue((type, webhookKey), out var entry) && entry.Until > time.GetUtcNow())
        {
            channel = entry.Channel;
            return true;
        }

        channel = null!;
        return false;
    }

    public void Remember(string type, string webhookKey, ChannelContext channel) =>
        entries[(type, webhookKey)] = (channel, time.GetUtcNow() + Lifetime);

    public void Forget(Guid channelId)
    {
        foreach (var entry in entries.Where(e => e.Value.Channel.ChannelId == channelId))
        {
            entries.TryRemove(entry.Key, out _);
        }
    }
}
