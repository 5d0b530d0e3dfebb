using Microsoft.AspNetCore.Http;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Providers.Cloud;
using Sahut.Plugins.WhatsApp.Sending;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Templates;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Dialog360;

/// <summary>
/// 360dialog for Cloud numbers: Cloud-shaped bodies and webhooks, <c>D360-API-KEY</c> authentication, no phone-number
/// id in the send path, media fetched by swapping Meta's host for 360dialog's.
/// </summary>
internal sealed class Dialog360Provider(ProviderHttp http) : CloudShapedProvider(http)
{
    public const string DefaultBaseUrl = "https://waba-v2.360dialog.io";
    public const string ApiKeyHeader = "D360-API-KEY";

    public override string Key => ProviderKeys.Dialog360;

    public override bool UsesVerificationHandshake => false;

    public override void Validate(SettingsRules rules)
    {
        rules.Require(SettingNames.ApiKey);
        rules.BaseUrl(DefaultBaseUrl);
    }

    public override bool IsAuthentic(WhatsAppSettings settings, IHeaderDictionary headers, ReadOnlySpan<byte> rawBody) => SharedSecret.Matches(settings, headers);

    protected override string MessagesUrl(WhatsAppSettings settings) => $"{settings.ApiBaseUrl}/messages";

    protected override void Authorize(HttpRequestMessage request, WhatsAppSettings settings) => request.Headers.Add(ApiKeyHeader, settings.ApiKey);

    protected override string DownloadUrl(WhatsAppSettings settings, string lookedUpUrl)
    {
        var original = new Uri(lookedUpUrl);
        return settings.ApiBaseUrl + original.PathAndQuery;
    }

    public override async Task<IReadOnlyList<TemplateDefinition>?> FetchTemplatesAsync(WhatsAppSettings settings, CancellationToken cancellationToken)
    {
        using var response = await GetJsonAsync(settings, $"{settings.ApiBaseUrl}/v1/configs/templates", cancellationToken);
        return response.RootElement.Items("waba_templates").Select(ReadTemplate).ToList();
    }
}
