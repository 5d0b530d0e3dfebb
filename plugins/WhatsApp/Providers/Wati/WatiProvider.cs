using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Sending;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Templates;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Wati;

/// <summary>
/// Wati (v1/v2 tenant API): session text via <c>sendSessionMessage</c>, templates via <c>sendTemplateMessage</c>.
/// <c>apiBaseUrl</c> includes the tenant, e.g. <c>https://live-mt-server.wati.io/123456</c>. Response field names for
/// message ids are taken from Wati's docs and community code, not from captured traffic.
/// </summary>
internal sealed class WatiProvider(ProviderHttp http) : IWhatsAppProvider
{
    public string Key => ProviderKeys.Wati;

    public bool UsesVerificationHandshake => false;

    public void Validate(SettingsRules rules)
    {
        rules.Require(SettingNames.ApiBaseUrl, SettingNames.AccessToken);
        rules.BaseUrl("");
    }

    public bool IsAuthentic(WhatsAppSettings settings, IHeaderDictionary headers, ReadOnlySpan<byte> rawBody) => SharedSecret.Matches(settings, headers);

    public WebhookBatch Parse(ReadOnlyMemory<byte> rawBody) => WatiWebhookParser.Parse(rawBody);

    public async Task<OutboundSendResult> SendAsync(WhatsAppSettings settings, OutboundMessage message, TemplateDefinition? template, CancellationToken cancellationToken)
    {
        var waId = Uri.EscapeDataString(message.To.TrimStart('+'));
        using var request = message.Template is { } requested
            ? new HttpRequestMessage(HttpMethod.Post, $"{settings.ApiBaseUrl}/api/v2/sendTemplateMessage?whatsappNumber={waId}")
            {
                Content = JsonContent.Create(new JsonObject
                {
                    ["template_name"] = requested.Name,
                    ["broadcast_name"] = $"sahut-{message.MessageId:N}",
                    ["parameters"] = new JsonArray(requested.Parameters.Select((p, i) => (JsonNode)new JsonObject { ["name"] = p.Name ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["value"] = p.Value }).ToArray()),
                }),
            }
            : new HttpRequestMessage(HttpMethod.Post, $"{settings.ApiBaseUrl}/api/v1/sendSessionMessage/{waId}?messageText={Uri.EscapeDataString(message.Text ?? "")}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.AccessToken);
        using var response = await http.SendForJsonAsync(request, BspErrorMapper.Map, cancellationToken);
        var root = response.RootElement;
        if (root.Child("result") is { ValueKind: System.Text.Json.JsonValueKind.False } || (root.Text("result") is "error"))
        {
            throw new ChannelSendException("wati-refused", root.Text("info") ?? root.Text("error") ?? "Wati refused the message.", retryable: false);
        }

        var id = root.Child("message")?.Text("whatsappMessageId") ?? root.Child("message")?.Text("id")
            ?? root.Items("receivers").Select(r => r.Text("localMessageId")).FirstOrDefault(i => i is not null)
            ?? throw new ChannelSendException("bad-response", "Wati accepted the message but returned no message id.", retryable: false);
        return new OutboundSendResult(id);
    }

    public async Task<DownloadedMedia> DownloadMediaAsync(WhatsAppSettings settings, string providerMediaId, CancellationToken cancellationToken)
    {
        var url = Uri.TryCreate(providerMediaId, UriKind.Absolute, out _) ? providerMediaId : $"{settings.ApiBaseUrl}/api/v1/getMedia?fileName={Uri.EscapeDataString(providerMediaId)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.AccessToken);
        var (contentType, content) = await http.SendAsync(request, BspErrorMapper.Map, cancellationToken);
        return new DownloadedMedia(content, contentType, null);
    }

    public async Task<IReadOnlyList<TemplateDefinition>?> FetchTemplatesAsync(WhatsAppSettings settings, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{settings.ApiBaseUrl}/api/v1/getMessageTemplates?pageSize=500");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.AccessToken);
        using var response = await http.SendForJsonAsync(request, BspErrorMapper.Map, cancellationToken);
        return response.RootElement.Items("messageTemplates").Select(t => new TemplateDefinition(
            t.Text("elementName") ?? "",
            t.Text("language") is { } language ? language : t.Child("language")?.Text("value") ?? "",
            t.Text("status") ?? "UNKNOWN",
            t.Text("category"),
            TemplateDefinition.Positional,
            t.Text("id"),
            new JsonArray(new JsonObject { ["type"] = "BODY", ["text"] = t.Text("bodyOriginal") ?? t.Text("body") ?? "" }).ToJsonString())).ToList();
    }
}
