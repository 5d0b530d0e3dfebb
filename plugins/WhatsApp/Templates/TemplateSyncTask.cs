using Microsoft.Extensions.Logging;
using Sahut.Channels;
using Sahut.Scheduling;

namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>Re-syncs every WhatsApp channel's templates on a schedule; one failing channel does not stop the rest.</summary>
internal sealed class TemplateSyncTask(TemplateSync sync, IChannelDirectory directory, WhatsAppOptions options, ILogger<TemplateSyncTask> logger) : IScheduledTask
{
    public string Key => "whatsapp.template-sync";

    public string CronSchedule => options.TemplateSyncCron;

    public async Task ExecuteAsync(ScheduledTaskContext context, CancellationToken cancellationToken)
    {
        foreach (var channel in await directory.ListAsync(WhatsAppChannelType.TypeKey, cancellationToken))
        {
            try
            {
                await sync.SyncAsync(channel, cancellationToken);
            }
            catch (ChannelSendException ex)
            {
                logger.LogWarning("Template sync for channel {ChannelId} failed: {Code} {Reason}", channel.ChannelId, ex.Code, ex.Reason);
            }
        }
    }
}
