using System.Collections.Concurrent;
using Sahut.Channels;

namespace Sahut.Ingest;

/// <summary>
/// Statuses that arrive before Sahut has recorded the provider's id for the message (a provider can call the status
/// webhook before its send API call has returned to us). They wait here a few minutes and are applied as soon as the
/// outbox stores the id. Per node: a status that reaches another node than the send waits for the next status.
/// </summary>
public sealed class EarlyStatusBuffer(TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(Guid ChannelId, string ProviderMessageId), (InboundStatus Status, DateTimeOffset At)> waiting = new();

    public void Hold(Guid channelId, InboundStatus status)
    {
        var now = time.GetUtcNow();
        waiting.AddOrUpdate((channelId, status.ProviderMessageId), (status, now), (_, held) => status.Status > held.Status.Status ? (status, now) : held);
        if (waiting.Count > 10_000)
        {
            foreach (var stale in waiting.Where(w => now - w.Value.At > Keep).Select(w => w.Key).ToList())
            {
                waiting.TryRemove(stale, out _);
            }
        }
    }

    /// <summary>The status that arrived early for this message, if any (removed from the buffer).</summary>
    public InboundStatus? Take(Guid channelId, string providerMessageId) =>
        waiting.TryRemove((channelId, providerMessageId), out var held) && time.GetUtcNow() - held.At <= Keep ? held.Status : null;
}
