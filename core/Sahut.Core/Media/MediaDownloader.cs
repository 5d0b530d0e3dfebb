using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Events;
using Sahut.Inbox;
using Sahut.Work;

namespace Sahut.Media;

/// <summary>
/// Fetches inbound media that arrived as provider media ids, after the message is committed. A failed download is
/// retried with backoff; the attachment stays visible with its error meanwhile, so nothing is silently lost.
/// </summary>
public sealed class MediaDownloader(
    IServiceScopeFactory scopes,
    MediaSignal signal,
    DomainEventBus bus,
    IOptions<MediaOptions> options,
    IOptions<SahutOptions> sahut,
    TimeProvider time,
    ILogger<MediaDownloader> logger) : BackgroundService
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
                logger.LogError(ex, "Media download pass failed");
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
        var types = scope.ServiceProvider.GetRequiredService<ChannelTypeRegistry>();
        var protector = scope.ServiceProvider.GetRequiredService<ChannelSettingsProtector>();
        var now = time.GetUtcNow().UtcDateTime;
        var max = options.Value.MaxAttempts;
        var due = await db.Attachments.AsNoTracking()
            .Where(a => a.StoragePath == null && a.ProviderMediaId != null && a.DownloadAttempts < max && (a.NextDownloadAt == null || a.NextDownloadAt <= now))
            .OrderBy(a => a.NextDownloadAt)
            .Take(16)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var pending in due)
        {
            var leaseUntil = now + options.Value.DownloadLease;
            var claimed = await db.Attachments
                .Where(a => a.Id == pending.Id && a.StoragePath == null && a.DownloadAttempts == pending.DownloadAttempts)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.DownloadAttempts, a => a.DownloadAttempts + 1).SetProperty(a => a.NextDownloadAt, leaseUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            handled++;
            var message = await db.Messages.AsNoTracking().FirstAsync(m => m.Id == pending.MessageId, cancellationToken);
            var channel = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == message.ChannelId, cancellationToken);
            var attempts = pending.DownloadAttempts + 1;
            try
            {
                if (types.Find(channel.Type) is not IChannelMediaDownloader downloader)
                {
                    throw new InvalidOperationException($"The '{channel.Type}' channel plugin cannot download media (not loaded?).");
                }

                var media = await downloader.DownloadAsync(protector.ToContext(channel), pending.ProviderMediaId!, cancellationToken);
                var path = await AttachmentFiles.WriteAsync(sahut.Value.ResolveDataDir(), pending.WorkspaceId, pending.Id, media.Content, cancellationToken);
                await db.Attachments.Where(a => a.Id == pending.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(a => a.StoragePath, path)
                        .SetProperty(a => a.Size, media.Content.LongLength)
                        .SetProperty(a => a.ContentType, media.ContentType ?? pending.ContentType)
                        .SetProperty(a => a.FileName, media.FileName ?? pending.FileName)
                        .SetProperty(a => a.DownloadError, (string?)null)
                        .SetProperty(a => a.NextDownloadAt, (DateTime?)null),
                    CancellationToken.None);
                bus.Publish(new MessageUpdated(message.WorkspaceId, message.ConversationId, message.Id));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Download of media {MediaId} for message {MessageId} failed (attempt {Attempt})", pending.ProviderMediaId, message.Id, attempts);
                var next = time.GetUtcNow().UtcDateTime + Backoff.After(attempts, options.Value.FirstRetryDelay, options.Value.MaxRetryDelay);
                await db.Attachments.Where(a => a.Id == pending.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(a => a.DownloadError, ex.Message).SetProperty(a => a.NextDownloadAt, next),
                    CancellationToken.None);
            }
        }

        return handled;
    }
}
