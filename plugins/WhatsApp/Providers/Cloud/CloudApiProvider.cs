using Microsoft.AspNetCore.Http;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Sending;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Templates;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Cloud;

/// <summary>Meta's WhatsApp Cloud API: Graph API with a Bearer token, webhooks signed with the app secret.</summary>
internal sealed class CloudApiProvider(ProviderHttp http) : CloudShapedProvider(http)
{
    public const string DefaultBaseUrl = "https://graph.facebook.com/v23.0";

    public override string Key => ProviderKeys.Cloud;

    public override bool UsesVerificationHandshake => true;

    public override void Validate(SettingsRules rules)
    {
        rules.Require(SettingNames.PhoneNumberId, SettingNames.WabaId, SettingNames.AccessToken, SettingNames.AppSecret, SettingNames.VerifyToken);
        rules.BaseUrl(DefaultBaseUrl);
    }

    public override bool IsAuthentic(WhatsAppSettings settings, IHeaderDictionary headers, ReadOnlySpan<byte> rawBody) =>
        settings.AppSecret is { } secret && HubSignature.IsValid(headers[HubSignature.Header].ToString(), secret, rawBody);

    protected override string MessagesUrl(WhatsAppSettings settings) => $"{settings.ApiBaseUrl}/{settings.PhoneNumberId}/messages";

    protected override void Authorize(HttpRequestMessage request, WhatsAppSettings settings) =>
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.AccessToken);

    protected override string DownloadUrl(WhatsAppSettings settings, string lookedUpUrl) => lookedUpUrl;

    public override async Task<IReadOnlyList<TemplateDefinition>?> FetchTemplatesAsync(WhatsAppSettings settings, CancellationToken cancellationToken)
    {
        var templates = new List<TemplateDefinition>();
        string? url = $"{settings.ApiBaseUrl}/{settings.WabaId}/message_templates?fields=name,language,status,category,components,parameter_format,id&limit=100";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (url is not null && seen.Add(url))
        {
            using var page = await GetJsonAsync(settings, url, cancellationToken);
            templates.AddRange(page.RootElement.Items("data").Select(ReadTemplate));
            url = page.RootElement.Child("paging")?.Text("next");
        }

        return templates;
    }
}
