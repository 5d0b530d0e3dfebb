using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sahut.Channels;
using Sahut.Events;
using Sahut.Media;
using Sahut.Phones;

namespace Sahut.Ingest;

/// <summary>
/// The inbound hot path. Requests queue their parsed events; one writer commits whatever has queued in a single
/// transaction (group commit) and then completes every waiting request, so an acknowledged delivery is durable.
/// Domain events go out after the commit.
/// </summary>
public sealed class InboundWriter(IServiceScopeFactory scopes, DomainEventBus bus, MediaSignal media, PhoneNumberNormalizer phones, ILogger<InboundWriter> logger) : BackgroundService, IInboundSink
{
    private const int MaxBatch = 512;

    private AsyncServiceScope? session;

    private readonly Channel<PendingDelivery> queue = Channel.CreateBounded<PendingDelivery>(
        new BoundedChannelOptions(8192) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async Task<InboundResult> AcceptAsync(Guid channelId, IReadOnlyList<InboundEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return new InboundResult(0, 0);
        }

        var pending = new PendingDelivery(channelId, events, SenderPhones.Of(events, phones));
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    // SQLite works synchronously under its async API, so the writer holds its thread for all of a batch, most of the
    // time: on a thread of its own it leaves the thread pool's threads to the requests (measured in bench/ ingest).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var batch = new List<PendingDelivery>(MaxBatch);
        try
        {
            while (Wait(queue.Reader.WaitToReadAsync(stoppingToken)))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                CommitAsync(batch, stoppingToken).GetAwaiter().GetResult();
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            EndSessionAsync().GetAwaiter().GetResult();
        }
    }

    private static bool Wait(ValueTask<bool> queued) => queued.IsCompletedSuccessfully ? queued.Result : queued.AsTask().GetAwaiter().GetResult();

    private async Task CommitAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken)
    {
        try
        {
            var (results, events) = await WriteAsync(batch, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }

            AfterCommit(batch, events);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && batch.Count > 1)
        {
            // One bad delivery must not fail its neighbours: commit each on its own.
            logger.LogWarning(ex, "Group commit of {Count} deliveries failed; committing them one by one", batch.Count);
            foreach (var pending in batch)
            {
                await CommitAsync([pending], cancellationToken);
            }
        }
        catch (DbUpdateException ex) when (batch.Count == 1 && !batch[0].Completion.Task.IsCompleted)
        {
            // Another node stored the same provider message between our check and our insert; a second pass sees it.
            logger.LogInformation(ex, "Retrying a delivery for channel {ChannelId} after a conflicting insert", batch[0].ChannelId);
            try
            {
                var (results, events) = await WriteAsync(batch, cancellationToken);
                batch[0].Completion.TrySetResult(results[0]);
                AfterCommit(batch, events);
            }
            catch (Exception retryEx)
            {
                batch[0].Completion.TrySetException(retryEx);
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(ex);
            }
        }
    }

    private void AfterCommit(IReadOnlyList<PendingDelivery> batch, List<DomainEvent> events)
    {
        bus.PublishAll(events);
        if (batch.Any(p => p.Events.OfType<InboundMessage>().Any(m => m.Attachments.Any(a => a.ProviderMediaId is not null && a.Content is null))))
        {
            media.Notify();
        }
    }

    private async Task<(InboundResult[] Results, List<DomainEvent> Events)> WriteAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken)
    {
        // One scope, context and open connection serve batch after batch (setting them up was a tenth of a batch);
        // after a failure the next batch starts on fresh ones.
        session ??= scopes.CreateAsyncScope();
        try
        {
            var store = session.Value.ServiceProvider.GetRequiredService<InboundStore>();
            return await store.WriteAsync(batch, cancellationToken);
        }
        catch
        {
            await EndSessionAsync();
            throw;
        }
    }

    private async Task EndSessionAsync()
    {
        if (session is { } ending)
        {
            session = null;
            await ending.DisposeAsync();
        }
    }
}
