using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sahut.Events;

/// <summary>
/// Delivers queued events to every registered <see cref="IDomainEventHandler{TEvent}"/>; a failing handler is logged
/// and skipped. Several workers take events at once, so one slow handler (billing writes, mail) does not hold back
/// real-time delivery of the events behind it; handlers must not rely on cross-event ordering.
/// </summary>
public sealed class DomainEventDispatcher(DomainEventBus bus, IServiceScopeFactory scopes, ILogger<DomainEventDispatcher> logger) : BackgroundService
{
    private const int Workers = 8;

    // The handler interface and its method per event type, resolved once rather than per event on the hot path.
    private readonly ConcurrentDictionary<Type, (Type HandlerType, MethodInfo Handle)> handlers = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var domainEvent in bus.Reader.ReadAllAsync(stoppingToken))
            {
                await DispatchAsync(domainEvent, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task DispatchAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var (handlerType, handle) = handlers.GetOrAdd(domainEvent.GetType(), static type =>
        {
            var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(type);
            return (handlerType, handlerType.GetMethod(nameof(IDomainEventHandler<DomainEvent>.HandleAsync))!);
        });
        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices(handlerType))
        {
            try
            {
                var task = (Task)handle.Invoke(handler, [domainEvent, cancellationToken])!;
                await task;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Handler {Handler} failed for {Event}", handler?.GetType().Name, domainEvent.GetType().Name);
            }
        }
    }
}
