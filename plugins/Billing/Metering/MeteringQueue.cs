using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sahut.Plugins.Billing.Metering;

/// <summary>
/// Opened conversations wait here and are counted in batches, one write per workspace per batch, so a burst of new
/// conversations costs billing a few transactions instead of one each — those competed with the inbound writer for
/// SQLite's single write lock.
/// </summary>
public sealed class MeteringQueue(IServiceScopeFactory scopes, ILogger<MeteringQueue> logger) : BackgroundService
{
    private const int MaxBatch = 1000;

    // Wall-clock batching window, not domain time: a burst of inbound customers is counted in a few writes a second
    // instead of one per writer commit; usage and the 80 %/100 % notices lag by at most this much.
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(250);

    private readonly Channel<(Guid WorkspaceId, Guid ConversationId)> queue =
        Channel.CreateUnbounded<(Guid, Guid)>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid workspaceId, Guid conversationId) => queue.Writer.TryWrite((workspaceId, conversationId));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(Guid WorkspaceId, Guid ConversationId)>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(BatchWindow, stoppingToken);
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                foreach (var workspace in batch.GroupBy(i => i.WorkspaceId))
                {
                    await CountAsync(workspace.Key, workspace.Select(i => i.ConversationId).Distinct().ToList(), stoppingToken);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CountAsync(Guid workspaceId, IReadOnlyCollection<Guid> conversationIds, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ConversationMeter>().CountAsync(workspaceId, conversationIds, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Counting {Count} conversations for workspace {WorkspaceId} failed", conversationIds.Count, workspaceId);
        }
    }
}
