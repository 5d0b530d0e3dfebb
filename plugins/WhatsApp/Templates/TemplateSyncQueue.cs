using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sahut.Channels;

namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>Runs template re-syncs asked for by webhooks off the request path, one channel at a time.</summary>
internal sealed class TemplateSyncQueue(TemplateSync sync, IChannelDirectory directory, ILogger<TemplateSyncQueue> logger) : BackgroundService
{
    private readonly Channel<Guid> queue = Channel.CreateBounded<Guid>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Request(Guid channelId) => queue.Writer.TryWrite(channelId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var channelId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (await directory.FindAsync(channelId, stoppingToken) is { } channel)
                {
                    await sync.SyncAsync(channel, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Template sync for channel {ChannelId} failed", channelId);
            }
        }
    }
}
