using Microsoft.AspNetCore.Http;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Templates;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers;

/// <summary>
/// One way of reaching WhatsApp (Meta Cloud API directly, or a BSP). Each provider owns its settings, its webhook
/// authentication and payload shape (including filtering echoes of the business's own messages), sending and media.
/// </summary>
internal interface IWhatsAppProvider
{
    string Key { get; }

    /// <summary>Checks and normalises the provider's settings in place.</summary>
    void Validate(SettingsRules rules);

    /// <summary>Whether the provider's dashboard verifies the URL with Meta's GET handshake.</summary>
    bool UsesVerificationHandshake { get; }

    /// <summary>Decides whether a POST really comes from the provider, from its headers and the raw body bytes.</summary>
    bool IsAuthentic(WhatsAppSettings settings, IHeaderDictionary headers, ReadOnlySpan<byte> rawBody);

    /// <summary>Parses a delivery; throws <see cref="WebhookFormatException"/> when the body is not the provider's shape.</summary>
    WebhookBatch Parse(ReadOnlyMemory<byte> rawBody);

    Task<OutboundSendResult> SendAsync(Guid channelId, WhatsAppSettings settings, OutboundMessage message, TemplateDefinition? template, CancellationToken cancellationToken);

    /// <summary>
    /// Turns statuses that also name the WhatsApp message id into statuses the core can match by provider message id.
    /// Providers whose sends answer with the id their webhooks use hand them on as they are.
    /// </summary>
    Task<IReadOnlyList<InboundStatus>> MatchStatusesAsync(Guid channelId, IReadOnlyList<WhatsAppIdStatus> statuses, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InboundStatus>>(statuses.Select(s => s.Status).ToList());

    Task<DownloadedMedia> DownloadMediaAsync(WhatsAppSettings settings, string providerMediaId, CancellationToken cancellationToken);

    /// <summary>Every template the account has (all statuses), or null when the provider offers no template list.</summary>
    Task<IReadOnlyList<TemplateDefinition>?> FetchTemplatesAsync(WhatsAppSettings settings, CancellationToken cancellationToken);
}
