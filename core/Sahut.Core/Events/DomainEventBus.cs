using System.Threading.Channels;
using Sahut.Events;

namespace Sahut.Events;

/// <summary>
/// Queues domain events raised after a commit; <see cref="DomainEventDispatcher"/> hands them to handlers off the
/// request path, so slow handlers (notifications, billing, real-time) never delay an acknowledgement.
/// </summary>
public sealed class DomainEventBus
{
    private readonly Channel<DomainEvent> queue = Channel.CreateUnbounded<DomainEvent>(new UnboundedChannelOptions { SingleReader = false });

    internal ChannelReader<DomainEvent> Reader => queue.Reader;

    public void Publish(DomainEvent domainEvent) => queue.Writer.TryWrite(domainEvent);

    public void PublishAll(IEnumerable<DomainEvent> domainEvents)
    {
        foreach (var domainEvent in domainEvents)
        {
            Publish(domainEvent);
        }
    }
}
