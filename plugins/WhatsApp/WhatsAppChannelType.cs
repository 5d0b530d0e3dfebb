using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Providers;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Templates;

namespace Sahut.Plugins.WhatsApp;

/// <summary>The "whatsapp" channel type: one type, several providers chosen by the <c>provider</c> setting.</summary>
internal sealed class WhatsAppChannelType(WhatsAppProviders providers, ITemplateCatalog templates, TemplateSync sync, ILogger<WhatsAppChannelType> logger)
    : IChannelType, IChannelMediaDownloader, IChannelTemplateValidator, IChannelTemplateCatalog, IChannelSettingsForm
{
    public const string TypeKey = "whatsapp";

    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(24);

    public string Key => TypeKey;

    /// <summary>One form for every provider: Cloud API fields, 360dialog's apiKey, Wati/Qontak's token and webhook secret.</summary>
    public IReadOnlyList<ChannelSettingField> SettingsFields { get; } =
    [
        new(SettingNames.Provider, ChannelSettingKind.Choice, Required: true, ProviderKeys.Cloud, [ProviderKeys.Cloud, ProviderKeys.Dialog360, ProviderKeys.Wati, ProviderKeys.Qontak]),
        new(SettingNames.PhoneNumberId, ChannelSettingKind.Text, Required: false),
        new(SettingNames.WabaId, ChannelSettingKind.Text, Required: false),
        new(SettingNames.AccessToken, ChannelSettingKind.Secret, Required: false),
        new(SettingNames.AppSecret, ChannelSettingKind.Secret, Required: false),
        new(SettingNames.VerifyToken, ChannelSettingKind.Secret, Required: false),
        new(SettingNames.ApiKey, ChannelSettingKind.Secret, Required: false),
        new(SettingNames.ApiBaseUrl, ChannelSettingKind.Text, Required: false, "https://graph.facebook.com/v23.0"),
        new(SettingNames.ChannelIntegrationId, ChannelSettingKind.Text, Required: false),
        new(SettingNames.WebhookSecret, ChannelSettingKind.Secret, Required: false),
    ];

    public string DisplayName => "WhatsApp";

    public ChannelCapabilities Capabilities { get; } = new(Templates: true, Attachments: false, CustomerServiceWindow, Webhook: true, IdentityKinds.Phone);

    public ValueTask<ChannelSettingsValidation> ValidateSettingsAsync(JsonObject settings, CancellationToken cancellationToken)
    {
        var normalised = (JsonObject)settings.DeepClone();
        var rules = new SettingsRules(normalised);
        var key = WhatsAppSettings.Text(normalised, SettingNames.Provider) ?? ProviderKeys.Cloud;
        if (providers.Find(key) is not { } provider)
        {
            rules.Add(SettingNames.Provider, $"Unknown provider '{key}'. Use one of: {string.Join(", ", providers.Keys)}.");
        }
        else
        {
            normalised[SettingNames.Provider] = provider.Key;
            provider.Validate(rules);
        }

        return ValueTask.FromResult(rules.Errors.Count == 0 ? ChannelSettingsValidation.Valid(normalised) : ChannelSettingsValidation.Invalid(rules.Errors));
    }

    /// <summary>The approved templates for the picker; synced from the provider the first time they are asked for.</summary>
    public async Task<IReadOnlyList<ChannelTemplate>> ListTemplatesAsync(ChannelContext channel, CancellationToken cancellationToken)
    {
        if (!await templates.HasSyncedAsync(channel.ChannelId, cancellationToken))
        {
            try
            {
                await sync.SyncAsync(channel, cancellationToken);
            }
            catch (ChannelSendException ex)
            {
                logger.LogWarning("Template sync for the picker failed for channel {ChannelId}: {Code} {Reason}", channel.ChannelId, ex.Code, ex.Reason);
            }
        }

        return (await templates.ListAsync(channel.ChannelId, cancellationToken))
            .Where(t => t.IsApproved)
            .Select(t => (View: TemplateView.Of(t), t.IsNamed))
            .Select(x => new ChannelTemplate(x.View.Name, x.View.Language, x.View.Body, x.View.Parameters, x.IsNamed))
            .ToList();
    }

    public async Task<OutboundSendResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = WhatsAppSettings.From(channel.Settings);
        TemplateDefinition? template = null;
        if (message.Template is { } requested && await templates.HasSyncedAsync(channel.ChannelId, cancellationToken))
        {
            template = await templates.FindAsync(channel.ChannelId, requested.Name, requested.Language, cancellationToken);
            var problems = TemplateParameterValidator.Validate(template, requested);
            if (problems.Count > 0)
            {
                throw new ChannelSendException("template-invalid", string.Join(" ", problems), retryable: false);
            }
        }

        return await providers.For(settings).SendAsync(channel.ChannelId, settings, message, template, cancellationToken);
    }

    /// <summary>Checked when the API queues a template (422 on problems). Templates are synced on first use.</summary>
    public async Task<IReadOnlyList<string>> ValidateTemplateAsync(ChannelContext channel, OutboundTemplate template, CancellationToken cancellationToken)
    {
        if (!await templates.HasSyncedAsync(channel.ChannelId, cancellationToken))
        {
            try
            {
                await sync.SyncAsync(channel, cancellationToken);
            }
            catch (ChannelSendException ex)
            {
                // The provider is unreachable now: let the send be queued; the outbox checks again before sending.
                logger.LogWarning("Template sync before validation failed for channel {ChannelId}: {Code} {Reason}", channel.ChannelId, ex.Code, ex.Reason);
                return [];
            }

            if (!await templates.HasSyncedAsync(channel.ChannelId, cancellationToken))
            {
                return [];
            }
        }

        return TemplateParameterValidator.Validate(await templates.FindAsync(channel.ChannelId, template.Name, template.Language, cancellationToken), template);
    }

    public Task<DownloadedMedia> DownloadAsync(ChannelContext channel, string providerMediaId, CancellationToken cancellationToken)
    {
        var settings = WhatsAppSettings.From(channel.Settings);
        return providers.For(settings).DownloadMediaAsync(settings, providerMediaId, cancellationToken);
    }
}
