using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Sending;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Templates;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Qontak;

/// <summary>
/// Qontak (Mekari) open API with a Bearer token: in-window text goes to the customer's room
/// (<c>/messages/whatsapp/bot</c>), templates go out as a direct broadcast (<c>/broadcasts/whatsapp/direct</c>).
/// Shapes follow qontak-dev/chat docs; response fields are not verified against live traffic.
/// </summary>
internal sealed class QontakProvider(ProviderHttp http) : IWhatsAppProvider
{
    public const string DefaultBaseUrl = "https://service-chat.qontak.com/api/open/v1";

    public string Key => ProviderKeys.Qontak;

    public bool UsesVerificationHandshake => false;

    public void Validate(SettingsRules rules)
    {
        rules.Require(SettingNames.AccessToken, SettingNames.ChannelIntegrationId);
        rules.BaseUrl(DefaultBaseUrl);
    }

    public bool IsAuthentic(WhatsAppSettings settings, IHeaderDictionary headers, ReadOnlySpan<byte> rawBody) => SharedSecret.Matches(settings, headers);

    public WebhookBatch Parse(ReadOnlyMemory<byte> rawBody) => QontakWebhookParser.Parse(rawBody);

    public async Task<OutboundSendResult> SendAsync(WhatsAppSettings settings, OutboundMessage message, TemplateDefinition? template, CancellationToken cancellationToken)
    {
        JsonObject body;
        string path;
        if (message.Template is { } requested)
        {
            var templateId = template?.ProviderTemplateId
                ?? throw new ChannelSendException("template-unknown", "Qontak sends templates by id: sync the channel's templates first.", retryable: false);
            path = "/broadcasts/whatsapp/direct";
            body = new JsonObject
            {
                ["to_number"] = message.To.TrimStart('+'),
                ["to_name"] = message.To,
                ["message_template_id"] = templateId,
                ["channel_integration_id"] = settings.ChannelIntegrationId,
                ["language"] = new JsonObject { ["code"] = requested.Language },
                ["parameters"] = new JsonObject
                {
                    ["body"] = new JsonArray(requested.Parameters.Select((p, i) => (JsonNode)new JsonObject
                    {
                        ["key"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["value"] = p.Name ?? $"param_{i + 1}",
                        ["value_text"] = p.Value,
                    }).ToArray()),
                },
            };
        }
        else
        {
            var room = message.ConversationProperties.GetValueOrDefault("threadKey")
                ?? throw new ChannelSendException("qontak-no-room", "Qontak replies go to the customer's room; with no room yet, start with a template.", retryable: false);
            path = "/messages/whatsapp/bot";
            body = new JsonObject { ["room_id"] = room, ["type"] = "text", ["text"] = message.Text ?? "" };
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.ApiBaseUrl + path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.AccessToken);
        using var response = await http.SendForJsonAsync(request, BspErrorMapper.Map, cancellationToken);
        var id = response.RootElement.Child("data")?.Text("id")
            ?? throw new ChannelSendException("bad-response", "Qontak accepted the message but returned no id.", retryable: false);
        return new OutboundSendResult(id);
    }

    public async Task<DownloadedMedia> DownloadMediaAsync(WhatsAppSettings settings, string providerMediaId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, providerMediaId);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.AccessToken);
        var (contentType, content) = await http.SendAsync(request, BspErrorMapper.Map, cancellationToken);
        return new DownloadedMedia(content, contentType, null);
    }

    public async Task<IReadOnlyList<TemplateDefinition>?> FetchTemplatesAsync(WhatsAppSettings settings, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{settings.ApiBaseUrl}/templates/whatsapp");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.AccessToken);
        using var response = await http.SendForJsonAsync(request, BspErrorMapper.Map, cancellationToken);
        return response.RootElement.Items("data").Select(t => new TemplateDefinition(
            t.Text("name") ?? "",
            t.Text("language") ?? "",
            (t.Text("status") ?? "UNKNOWN").ToUpperInvariant(),
            t.Text("category"),
            TemplateDefinition.Positional,
            t.Text("id"),
            new JsonArray(new JsonObject { ["type"] = "BODY", ["text"] = t.Text("body") ?? "" }).ToJsonString())).ToList();
    }
}
