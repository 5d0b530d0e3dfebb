using System.Text.Json.Nodes;

namespace Sahut.Plugins.WhatsApp.Settings;

/// <summary>A WhatsApp channel's decrypted settings, read once per use from the channel's settings object.</summary>
internal sealed record WhatsAppSettings(
    string Provider,
    string ApiBaseUrl,
    string? PhoneNumberId,
    string? WabaId,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    string? ApiKey,
    string? WebhookSecret,
    string WebhookSecretHeader,
    string? ChannelIntegrationId,
    bool QuoteReplies)
{
    public const string DefaultWebhookSecretHeader = "X-Webhook-Secret";

    public static WhatsAppSettings From(JsonObject settings) => new(
        Text(settings, SettingNames.Provider) ?? ProviderKeys.Cloud,
        (Text(settings, SettingNames.ApiBaseUrl) ?? "").TrimEnd('/'),
        Text(settings, SettingNames.PhoneNumberId),
        Text(settings, SettingNames.WabaId),
        Text(settings, SettingNames.AccessToken),
        Text(settings, SettingNames.AppSecret),
        Text(settings, SettingNames.VerifyToken),
        Text(settings, SettingNames.ApiKey),
        Text(settings, SettingNames.WebhookSecret),
        Text(settings, SettingNames.WebhookSecretHeader) ?? DefaultWebhookSecretHeader,
        Text(settings, SettingNames.ChannelIntegrationId),
        settings[SettingNames.QuoteReplies] is JsonValue quote && quote.TryGetValue<bool>(out var q) && q);

    public static string? Text(JsonObject settings, string name) =>
        settings[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
