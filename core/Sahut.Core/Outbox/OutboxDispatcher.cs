using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Outbox;

/// <summary>Claims due outbox items and sends them through their channel, one claim per item so several nodes can share the work.</summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ProcessDueAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox pass failed");
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Sends every item that is due now; returns how many were handled.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
            due = await db.Outbox.AsNoTracking()
                .Where(o => (o.State == OutboxState.Pending && o.NextAttemptAt <= now) || (o.State == OutboxState.Sending && o.LockedUntil < now))
                .OrderBy(o => o.NextAttemptAt)
                .Select(o => o.Id)
                .Take(32)
                .ToListAsync(cancellationToken);
        }

        var handled = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
            if (await sender.TrySendAsync(id, cancellationToken))
            {
                handled++;
            }
        }

        return handled;
    }
}
