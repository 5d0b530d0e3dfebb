using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>
/// Applies <c>message_template_status_update</c> webhooks to every channel on that WABA signed by the same app, then
/// asks for a full re-sync (a newly approved template is not in the catalog yet).
/// </summary>
internal sealed class TemplateStatusHandler(ITemplateCatalog catalog, IChannelDirectory directory, TemplateSyncQueue queue)
{
    public async Task ApplyAsync(ChannelContext receiving, IReadOnlyList<TemplateStatusUpdate> updates, CancellationToken cancellationToken)
    {
        var own = WhatsAppSettings.From(receiving.Settings);
        var channels = await directory.ListAsync(WhatsAppChannelType.TypeKey, cancellationToken);
        foreach (var update in updates)
        {
            var targets = channels
                .Where(c => c.ChannelId == receiving.ChannelId || (own.AppSecret is not null && WhatsAppSettings.From(c.Settings).AppSecret == own.AppSecret))
                .Where(c => update.WabaId is null || WhatsAppSettings.From(c.Settings).WabaId is not { } waba || waba == update.WabaId);
            foreach (var channel in targets)
            {
                await catalog.UpdateStatusAsync(channel.ChannelId, update.Name, update.Language, update.Status, cancellationToken);
                queue.Request(channel.ChannelId);
            }
        }
    }
}
