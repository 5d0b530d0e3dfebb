using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
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
/// Wati (v1/v2 tenant API, docs.wati.io/reference): session text via <c>POST /api/v1/sendSessionMessage/{number}</c>
/// with <c>messageText</c> (and our <c>localMessageId</c>) as query parameters, templates via
/// <c>POST /api/v2/sendTemplateMessage?whatsappNumber=</c>, template list via <c>GET /api/v1/getMessageTemplates</c>,
/// media via <c>GET /api/v1/getMedia?fileName=</c>. <c>apiBaseUrl</c> includes the tenant, e.g.
/// <c>https://live-mt-server.wati.io/123456</c>. Wati answers business refusals with HTTP 200 and <c>result: false</c>.
/// </summary>
internal sealed class WatiProvider(ProviderHttp http) : IWhatsAppProvider
{
    private const int TemplatePageSize = 100;
    private const int MaxTemplatePages = 100;

    public string Key => ProviderKeys.Wati;

    public bool UsesVerificationHandshake => false;

    public void Validate(SettingsRules rules)
    {
        rules.Require(SettingNames.ApiBaseUrl, SettingNames.AccessToken);
        rules.BaseUrl("");
    }

    public bool IsAuthentic(WhatsAppSettings settings, IHeaderDictionary headers, ReadOnlySpan<byte> rawBody) => SharedSecret.Matches(settings, headers);

    public WebhookBatch Parse(ReadOnlyMemory<byte> rawBody) => WatiWebhookParser.Parse(rawBody);

    public Task<OutboundSendResult> SendAsync(Guid channelId, WhatsAppSettings settings, OutboundMessage message, TemplateDefinition? template, CancellationToken cancellationToken)
    {
        var waId = Uri.EscapeDataString(message.To.TrimStart('+'));
        return message.Template is { } requested
            ? SendTemplateAsync(settings, waId, message.MessageId, requested, cancellationToken)
            : SendSessionTextAsync(settings, waId, message, cancellationToken);
    }

    private async Task<OutboundSendResult> SendSessionTextAsync(WhatsAppSettings settings, string waId, OutboundMessage message, CancellationToken cancellationToken)
    {
        // Wati echoes localMessageId in its status webhooks: with ours on the request, a status can always be joined.
        var localMessageId = message.MessageId.ToString("N");
        var url = $"{settings.ApiBaseUrl}/api/v1/sendSessionMessage/{waId}?messageText={Uri.EscapeDataString(message.Text ?? "")}&localMessageId={localMessageId}";
        using var request = BearerRequest.Create(HttpMethod.Post, url, settings.AccessToken);
        using var response = await http.SendForJsonAsync(request, BspErrorMapper.Map, cancellationToken);
        var root = response.RootElement;
        ThrowIfRefused(root);
        var sent = root.Child("message");
        return new OutboundSendResult(sent?.Text("whatsappMessageId") ?? sent?.Text("id") ?? localMessageId);
    }

    private async Task<OutboundSendResult> SendTemplateAsync(WhatsAppSettings settings, string waId, Guid messageId, OutboundTemplate requested, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["template_name"] = requested.Name,
            ["broadcast_name"] = $"sahut-{messageId:N}",
            ["parameters"] = new JsonArray(requested.Parameters.Select((p, i) => (JsonNode)new JsonObject
            {
                ["name"] = p.Name ?? (i + 1).ToString(CultureInfo.InvariantCulture),
                ["value"] = p.Value,
            }).ToArray()),
        };
        using var request = BearerRequest.Create(HttpMethod.Post, $"{settings.ApiBaseUrl}/api/v2/sendTemplateMessage?whatsappNumber={waId}", settings.AccessToken, JsonContent.Create(body));
        using var response = await http.SendForJsonAsync(request, BspErrorMapper.Map, cancellationToken);
        var root = response.RootElement;
        ThrowIfRefused(root);
        var receiver = root.Items("receivers").FirstOrDefault();
        var errors = receiver.Items("errors").Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.Text("message") ?? e.Text("error") ?? e.GetRawText()).OfType<string>().ToList();
        if (receiver.ValueKind == JsonValueKind.Object && (receiver.Child("isValidWhatsAppNumber") is { ValueKind: JsonValueKind.False } || errors.Count > 0))
        {
            throw new ChannelSendException(
                "wati-invalid-number",
                errors.Count > 0 ? string.Join(" ", errors) : "Wati reports the number is not a valid WhatsApp number.",
                retryable: false);
        }

        var id = receiver.ValueKind == JsonValueKind.Object ? receiver.Text("localMessageId") : null;
        return new OutboundSendResult(id ?? throw new ChannelSendException("bad-response", "Wati accepted the template but returned no localMessageId.", retryable: false));
    }

    /// <summary>Wati's refusals come as HTTP 200: <c>{"result": false, "info": "..."}</c> (or <c>ok: false</c>).</summary>
    private static void ThrowIfRefused(JsonElement root)
    {
        if (root.Child("result") is { ValueKind: JsonValueKind.False } || root.Child("ok") is { ValueKind: JsonValueKind.False }
            || string.Equals(root.Text("result"), "error", StringComparison.OrdinalIgnoreCase))
        {
            throw new ChannelSendException("wati-refused", root.Text("info") ?? root.Text("error") ?? "Wati refused the message.", retryable: false);
        }
    }

    public async Task<DownloadedMedia> DownloadMediaAsync(WhatsAppSettings settings, string providerMediaId, CancellationToken cancellationToken)
    {
        var url = Uri.TryCreate(providerMediaId, UriKind.Absolute, out _) ? providerMediaId : $"{settings.ApiBaseUrl}/api/v1/getMedia?fileName={Uri.EscapeDataString(providerMediaId)}";
        using var request = BearerRequest.ForMedia(url, settings.ApiBaseUrl, settings.AccessToken);
        var (contentType, content) = await http.SendAsync(request, BspErrorMapper.Map, cancellationToken);
        return new DownloadedMedia(content, contentType, null);
    }

    public async Task<IReadOnlyList<TemplateDefinition>?> FetchTemplatesAsync(WhatsAppSettings settings, CancellationToken cancellationToken)
    {
        List<TemplateDefinition> templates = [];
        for (var page = 1; page <= MaxTemplatePages; page++)
        {
            using var request = BearerRequest.Create(HttpMethod.Get, $"{settings.ApiBaseUrl}/api/v1/getMessageTemplates?pageSize={TemplatePageSize}&pageNumber={page}", settings.AccessToken);
            using var response = await http.SendForJsonAsync(request, BspErrorMapper.Map, cancellationToken);
            var items = response.RootElement.Items("messageTemplates").ToList();
            templates.AddRange(items.Select(Definition));
            if (items.Count < TemplatePageSize)
            {
                break;
            }
        }

        return templates;
    }

    private static TemplateDefinition Definition(JsonElement template)
    {
        var body = template.Text("bodyOriginal") ?? template.Text("body") ?? "";
        var named = TemplateShape.Placeholders(body).Any(p => !p.All(char.IsAsciiDigit));
        return new TemplateDefinition(
            template.Text("elementName") ?? "",
            template.Text("language") ?? template.Child("language")?.Text("value") ?? "",
            (template.Text("status") ?? "UNKNOWN").ToUpperInvariant(),
            template.Text("category"),
            named ? TemplateDefinition.Named : TemplateDefinition.Positional,
            template.Text("id"),
            new JsonArray(new JsonObject { ["type"] = "BODY", ["text"] = body }).ToJsonString());
    }
}
