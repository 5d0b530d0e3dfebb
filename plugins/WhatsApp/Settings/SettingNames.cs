namespace Sahut.Plugins.WhatsApp.Settings;

/// <summary>Keys of the channel settings object (DESIGN §4).</summary>
internal static class SettingNames
{
    public const string Provider = "provider";
    public const string ApiBaseUrl = "apiBaseUrl";
    public const string PhoneNumberId = "phoneNumberId";
    public const string WabaId = "wabaId";
    public const string AccessToken = "accessToken";
    public const string AppSecret = "appSecret";
    public const string VerifyToken = "verifyToken";
    public const string ApiKey = "apiKey";
    public const string WebhookSecret = "webhookSecret";
    public const string WebhookSecretHeader = "webhookSecretHeader";
    public const string ChannelIntegrationId = "channelIntegrationId";
    public const string QuoteReplies = "quoteReplies";
}
