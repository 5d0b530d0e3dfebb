using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Settings;

namespace Sahut.Plugins.WhatsApp.Providers.Qontak;

/// <summary>
/// Off the request path, asks the broadcast log of each template sent through Qontak for its WhatsApp message id
/// (bounded attempts with doubling waits), links it, and applies the statuses that arrived before the link together
/// with the one the log itself reports, so the template gets its delivered/read ticks.
/// </summary>
internal sealed class QontakBroadcastResolver(
    QontakBroadcastLinks links,
    QontakProvider qontak,
    IChannelDirectory directory,
    IInboundSink sink,
    WhatsAppOptions options,
    TimeProvider time,
    ILogger<QontakBroadcastResolver> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var broadcast in await links.ClaimDueAsync(16, stoppingToken))
                {
                    await CheckAsync(broadcast, stoppingToken);
                }

                if (time.GetUtcNow() >= nextPurge)
                {
                    await links.PurgeAsync(stoppingToken);
                    nextPurge = time.GetUtcNow() + PurgeEvery;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Checking Qontak broadcast logs failed");
            }

            try
            {
                await Task.Delay(options.QontakLogPollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task CheckAsync(Data.QontakBroadcast broadcast, CancellationToken cancellationToken)
    {
        var channel = await directory.FindAsync(broadcast.ChannelId, cancellationToken);
        var settings = channel is null ? null : WhatsAppSettings.From(channel.Settings);
        if (settings is null || !string.Equals(settings.Provider, ProviderKeys.Qontak, StringComparison.OrdinalIgnoreCase))
        {
            await links.StopCheckingAsync(broadcast, cancellationToken);
            return;
        }

        QontakBroadcastLog log;
        try
        {
            log = await qontak.FetchBroadcastLogAsync(settings, broadcast.BroadcastId, cancellationToken);
        }
        catch (ChannelSendException ex)
        {
            logger.LogInformation("Qontak broadcast log {BroadcastId} not readable (attempt {Attempt}): {Code} {Reason}", broadcast.BroadcastId, broadcast.Attempts, ex.Code, ex.Reason);
            await CheckLaterAsync(broadcast, cancellationToken);
            return;
        }

        if (log.WhatsAppMessageId is { } whatsAppId)
        {
            var (held, heldIds) = await links.LinkAsync(broadcast, whatsAppId, cancellationToken);
            List<InboundStatus> statuses = [.. held];
            if (log.Status is { } reported)
            {
                statuses.Add(new InboundStatus(broadcast.BroadcastId, reported, default, reported == DeliveryStatus.Failed ? "qontak-failed" : null, reported == DeliveryStatus.Failed ? log.Error ?? "Qontak reported the broadcast failed." : null));
            }

            if (statuses.Count > 0)
            {
                await sink.AcceptAsync(broadcast.ChannelId, statuses, cancellationToken);
            }

            await links.ReleaseAsync(heldIds, cancellationToken);
            logger.LogInformation("Qontak broadcast {BroadcastId} is WhatsApp message {WhatsAppMessageId}", broadcast.BroadcastId, whatsAppId);
        }
        else if (log.Status == DeliveryStatus.Failed)
        {
            // Refused before it reached WhatsApp (no WhatsApp id will ever come): the message fails with Qontak's words.
            await sink.AcceptAsync(broadcast.ChannelId, [new InboundStatus(broadcast.BroadcastId, DeliveryStatus.Failed, default, "qontak-failed", log.Error ?? "Qontak reported the broadcast failed.")], cancellationToken);
            await links.StopCheckingAsync(broadcast, cancellationToken);
        }
        else
        {
            await CheckLaterAsync(broadcast, cancellationToken);
        }
    }

    private async Task CheckLaterAsync(Data.QontakBroadcast broadcast, CancellationToken cancellationToken)
    {
        if (broadcast.Attempts >= options.QontakLogAttempts)
        {
            logger.LogWarning("Qontak broadcast {BroadcastId} never named its WhatsApp message id after {Attempts} attempts; its template keeps the sent tick", broadcast.BroadcastId, broadcast.Attempts);
        }

        await links.CheckLaterAsync(broadcast, cancellationToken);
    }
}
