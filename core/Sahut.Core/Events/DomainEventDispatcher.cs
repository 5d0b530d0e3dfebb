using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sahut.Events;

/// <summary>
/// Delivers queued events to every registered <see cref="IDomainEventHandler{TEvent}"/>; a failing handler is logged
/// and skipped. Several workers take events at once, so one slow handler (billing writes, mail) does not hold back
/// real-time delivery of the events behind it; handlers must not rely on cross-event ordering. A worker takes what
/// has queued (up to <see cref="MaxBatch"/>) and handles it in one scope: a burst of inbound messages then costs one
/// scope and one handler resolution per event type instead of one per event, which was a tenth of the ingest CPU.
/// </summary>
public sealed class DomainEventDispatcher(DomainEventBus bus, IServiceScopeFactory scopes, ILogger<DomainEventDispatcher> logger) : BackgroundService
{
    private const int Workers = 8;
    private const int MaxBatch = 128;

    // How to call the handlers of each event type, made once rather than per event on the hot path.
    private readonly ConcurrentDictionary<Type, HandlerCall> calls = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var batch = new List<DomainEvent>(MaxBatch);
        try
        {
            while (await bus.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && bus.Reader.TryRead(out var domainEvent))
                {
                    batch.Add(domainEvent);
                }

                if (batch.Count > 0)
                {
                    await DispatchAsync(batch, stoppingToken);
                    batch.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DispatchAsync(List<DomainEvent> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var resolved = new Dictionary<Type, (object?[] Handlers, HandlerCall Call)>();
        foreach (var domainEvent in batch)
        {
            var eventType = domainEvent.GetType();
            if (!resolved.TryGetValue(eventType, out var handlers))
            {
                var call = calls.GetOrAdd(eventType, HandlerCall.For);
                handlers = (scope.ServiceProvider.GetServices(call.HandlerType).ToArray(), call);
                resolved[eventType] = handlers;
            }

            foreach (var handler in handlers.Handlers)
            {
                try
                {
                    await handlers.Call.HandleAsync(handler!, domainEvent, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Handler {Handler} failed for {Event}", handler?.GetType().Name, eventType.Name);
                }
            }
        }
    }

    /// <summary>Calls <see cref="IDomainEventHandler{TEvent}.HandleAsync"/> for an event type known only at run time.</summary>
    private abstract class HandlerCall
    {
        public abstract Type HandlerType { get; }

        public static HandlerCall For(Type eventType) => (HandlerCall)Activator.CreateInstance(typeof(HandlerCall<>).MakeGenericType(eventType))!;

        public abstract Task HandleAsync(object handler, DomainEvent domainEvent, CancellationToken cancellationToken);
    }

    private sealed class HandlerCall<TEvent> : HandlerCall
        where TEvent : DomainEvent
    {
        public override Type HandlerType => typeof(IDomainEventHandler<TEvent>);

        public override Task HandleAsync(object handler, DomainEvent domainEvent, CancellationToken cancellationToken) =>
            ((IDomainEventHandler<TEvent>)handler).HandleAsync((TEvent)domainEvent, cancellationToken);
    }
}
