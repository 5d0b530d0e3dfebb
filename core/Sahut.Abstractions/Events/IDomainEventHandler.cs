namespace Sahut.Events;

/// <summary>Handles one kind of domain event. Register in a plugin module; failures are logged, never rethrown.</summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : DomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
