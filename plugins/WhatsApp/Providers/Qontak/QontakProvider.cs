using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Sending;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Templates;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Qontak;

/// <summary>
/// Qontak (Mekari) open API with a Bearer token (qontak-dev/chat "WhatsApp API" and "Send Message" guides): in-window
/// text goes to the customer's room (<c>POST /messages/whatsapp/bot</c>), templates go out as a direct broadcast
/// (<c>POST /broadcasts/whatsapp/direct</c>), the template list is <c>GET /templates/whatsapp</c> (paged by
/// <c>offset</c>/<c>limit</c>). Answers are wrapped as <c>{"status": "success", "data": …}</c>. A broadcast answers
/// with its broadcast id, which Qontak's status webhooks never name: the broadcast is tracked until its log
/// (<c>GET /broadcasts/{id}/whatsapp/log</c>) names the WhatsApp message id the webhooks carry.
/// </summary>
internal sealed class QontakProvider(ProviderHttp http, QontakBroadcastLinks broadcasts, ILogger<QontakProvider> logger) : IWhatsAppProvider
{
    public const string DefaultBaseUrl = "https://service-chat.qontak.com/api/open/v1";

    private const int TemplatePageSize = 100;
    private const int MaxTemplatePages = 100;

    public string Key => ProviderKeys.Qontak;

    public bool UsesVerificationHandshake => false;

    public void Validate(SettingsRules rules)
    {
        rules.Require(SettingNames.AccessToken, SettingNames.ChannelIntegrationId);
        rules.BaseUrl(DefaultBaseUrl);
    }

    public bool IsAuthentic(WhatsAppSettings settings, IHeaderDictionary headers, ReadOnlySpan<byte> rawBody) => SharedSecret.Matches(settings, headers);

    public WebhookBatch Parse(ReadOnlyMemory<byte> rawBody) => QontakWebhookParser.Parse(rawBody);

    public async Task<OutboundSendResult> SendAsync(Guid channelId, WhatsAppSettings settings, OutboundMessage message, TemplateDefinition? template, CancellationToken cancellationToken)
    {
        var (path, body) = message.Template is { } requested ? DirectBroadcast(settings, message, requested, template) : RoomText(message);
        using var request = BearerRequest.Create(HttpMethod.Post, settings.ApiBaseUrl + path, settings.AccessToken, JsonContent.Create(body));
        using var response = await http.SendForJsonAsync(request, BspErrorMapper.Map, cancellationToken);
        var root = response.RootElement;
        if (root.Text("status") is { } status && !string.Equals(status, "success", StringComparison.OrdinalIgnoreCase))
        {
            throw new ChannelSendException("qontak-refused", ErrorText(root) ?? $"Qontak answered status '{status}'.", retryable: false);
        }

        var id = root.Child("data")?.Text("id")
            ?? throw new ChannelSendException("bad-response", "Qontak accepted the message but returned no id.", retryable: false);
        if (message.Template is not null)
        {
            await TrackBroadcastAsync(channelId, id);
        }

        return new OutboundSendResult(id);
    }

    // Qontak has the message now: failing here would make the outbox send it again, so a lost link only costs ticks.
    private async Task TrackBroadcastAsync(Guid channelId, string broadcastId)
    {
        try
        {
            await broadcasts.TrackAsync(channelId, broadcastId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not track Qontak broadcast {BroadcastId} of channel {ChannelId}; its template will keep the sent tick", broadcastId, channelId);
        }
    }

    public async Task<QontakBroadcastLog> FetchBroadcastLogAsync(WhatsAppSettings settings, string broadcastId, CancellationToken cancellationToken)
    {
        using var request = BearerRequest.Create(HttpMethod.Get, $"{settings.ApiBaseUrl}/broadcasts/{Uri.EscapeDataString(broadcastId)}/whatsapp/log", settings.AccessToken);
        using var response = await http.SendForJsonAsync(request, BspErrorMapper.Map, cancellationToken);
        return QontakBroadcastLog.From(response.RootElement);
    }

    public Task<IReadOnlyList<InboundStatus>> MatchStatusesAsync(Guid channelId, IReadOnlyList<WhatsAppIdStatus> statuses, CancellationToken cancellationToken) =>
        broadcasts.MatchAsync(channelId, statuses, cancellationToken);

    private static (string Path, JsonObject Body) DirectBroadcast(WhatsAppSettings settings, OutboundMessage message, OutboundTemplate requested, TemplateDefinition? template)
    {
        var templateId = template?.ProviderTemplateId
            ?? throw new ChannelSendException("template-unknown", "Qontak sends templates by id: sync the channel's templates first.", retryable: false);
        return ("/broadcasts/whatsapp/direct", new JsonObject
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
                    ["key"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                    ["value"] = p.Name ?? $"param_{i + 1}",
                    ["value_text"] = p.Value,
                }).ToArray()),
            },
        });
    }

    private static (string Path, JsonObject Body) RoomText(OutboundMessage message)
    {
        var room = message.ConversationProperties.GetValueOrDefault("threadKey")
            ?? throw new ChannelSendException("qontak-no-room", "Qontak replies go to the customer's room; with no room yet, start with a template.", retryable: false);
        return ("/messages/whatsapp/bot", new JsonObject { ["room_id"] = room, ["type"] = "text", ["text"] = message.Text ?? "" });
    }

    private static string? ErrorText(JsonElement root) =>
        root.Text("message") ?? root.Child("error")?.Text("message") ?? root.Text("error")
        ?? (root.Child("error")?.Items("messages").Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() : null).OfType<string>().ToList() is { Count: > 0 } messages
            ? string.Join(" ", messages)
            : null);

    public async Task<DownloadedMedia> DownloadMediaAsync(WhatsAppSettings settings, string providerMediaId, CancellationToken cancellationToken)
    {
        using var request = BearerRequest.ForMedia(providerMediaId, settings.ApiBaseUrl, settings.AccessToken);
        var (contentType, content) = await http.SendAsync(request, BspErrorMapper.Map, cancellationToken);
        return new DownloadedMedia(content, contentType, null);
    }

    public async Task<IReadOnlyList<TemplateDefinition>?> FetchTemplatesAsync(WhatsAppSettings settings, CancellationToken cancellationToken)
    {
        Dictionary<string, TemplateDefinition> templates = [];
        for (var page = 1; page <= MaxTemplatePages; page++)
        {
            using var request = BearerRequest.Create(HttpMethod.Get, $"{settings.ApiBaseUrl}/templates/whatsapp?offset={page}&limit={TemplatePageSize}", settings.AccessToken);
            using var response = await http.SendForJsonAsync(request, BspErrorMapper.Map, cancellationToken);
            var root = response.RootElement;
            var items = root.Items("data").ToList();
            foreach (var definition in items.Select(Definition))
            {
                templates[definition.ProviderTemplateId ?? $"{definition.Name}/{definition.Language}"] = definition;
            }

            var total = root.Child("meta")?.Child("pagination")?.Text("total") is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var t) ? t : (int?)null;
            if (items.Count < TemplatePageSize || (total is { } all && templates.Count >= all))
            {
                break;
            }
        }

        return templates.Values.ToList();
    }

    // Body only: the direct broadcast fills body parameters (keys "1".."n"), so only body placeholders count.
    private static TemplateDefinition Definition(JsonElement template) => new(
        template.Text("name") ?? "",
        template.Text("language") ?? "",
        (template.Text("status") ?? "UNKNOWN").ToUpperInvariant(),
        template.Text("category"),
        TemplateDefinition.Positional,
        template.Text("id"),
        new JsonArray(new JsonObject { ["type"] = "BODY", ["text"] = template.Text("body") ?? "" }).ToJsonString());
}
