using System.Collections.Concurrent;
using System.Reflection;
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

    // The handler interface and its method per event type, resolved once rather than per event on the hot path.
    private readonly ConcurrentDictionary<Type, (Type HandlerType, MethodInfo Handle)> handlerTypes = new();

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
        var resolved = new Dictionary<Type, (object?[] Handlers, MethodInfo Handle)>();
        foreach (var domainEvent in batch)
        {
            var eventType = domainEvent.GetType();
            if (!resolved.TryGetValue(eventType, out var handlers))
            {
                var (handlerType, handle) = handlerTypes.GetOrAdd(eventType, static type =>
                {
                    var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(type);
                    return (handlerType, handlerType.GetMethod(nameof(IDomainEventHandler<DomainEvent>.HandleAsync))!);
                });
                handlers = (scope.ServiceProvider.GetServices(handlerType).ToArray(), handle);
                resolved[eventType] = handlers;
            }

            foreach (var handler in handlers.Handlers)
            {
                try
                {
                    var task = (Task)handlers.Handle.Invoke(handler, [domainEvent, cancellationToken])!;
                    await task;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Handler {Handler} failed for {Event}", handler?.GetType().Name, eventType.Name);
                }
            }
        }
    }
}
