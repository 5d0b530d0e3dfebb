using System.Collections.Concurrent;
using Sahut.Events;

namespace Sahut.Tests.Infrastructure;

/// <summary>Collects domain events as handlers see them.</summary>
internal sealed class EventLog
{
    public ConcurrentQueue<DomainEvent> Events { get; } = new();
}

internal sealed class RecordingEventHandler<TEvent>(EventLog log) : IDomainEventHandler<TEvent>
    where TEvent : DomainEvent
{
    public Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken)
    {
        log.Events.Enqueue(domainEvent);
        return Task.CompletedTask;
    }
}
