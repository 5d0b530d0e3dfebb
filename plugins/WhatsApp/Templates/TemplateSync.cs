using Microsoft.Extensions.Logging;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Providers;
using Sahut.Plugins.WhatsApp.Settings;

namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>Pulls a channel's templates from its provider (every page) into the catalog.</summary>
internal sealed class TemplateSync(WhatsAppProviders providers, ITemplateCatalog catalog, IChannelDirectory directory, ILogger<TemplateSync> logger)
{
    /// <summary>Returns how many templates the account has, or null when the provider offers no template list.</summary>
    public async Task<int?> SyncAsync(ChannelContext channel, CancellationToken cancellationToken)
    {
        var settings = WhatsAppSettings.From(channel.Settings);
        IReadOnlyList<TemplateDefinition>? templates;
        try
        {
            templates = await providers.For(settings).FetchTemplatesAsync(settings, cancellationToken);
        }
        catch (ChannelSendException ex) when (ex.ChannelNeedsReconnect)
        {
            await directory.MarkNeedsReconnectAsync(channel.ChannelId, ex.Reason, cancellationToken);
            throw;
        }

        if (templates is null)
        {
            return null;
        }

        await catalog.ReplaceAsync(channel.ChannelId, templates, cancellationToken);
        logger.LogInformation("Synced {Count} templates for channel {ChannelId}", templates.Count, channel.ChannelId);
        return templates.Count;
    }
}
