using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;
using Sahut.Plugins.WhatsApp.Sending;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Templates;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Cloud;

/// <summary>
/// Providers that speak the Cloud API's shapes (Meta itself, 360dialog for Cloud numbers): same webhook envelope, same
/// send body, same error object; they differ in URLs and authentication.
/// </summary>
internal abstract class CloudShapedProvider(ProviderHttp http) : IWhatsAppProvider
{
    public abstract string Key { get; }

    public abstract bool UsesVerificationHandshake { get; }

    public abstract void Validate(SettingsRules rules);

    public abstract bool IsAuthentic(WhatsAppSettings settings, IHeaderDictionary headers, ReadOnlySpan<byte> rawBody);

    public WebhookBatch Parse(ReadOnlyMemory<byte> rawBody) => CloudWebhookParser.Parse(rawBody);

    protected abstract string MessagesUrl(WhatsAppSettings settings);

    protected abstract void Authorize(HttpRequestMessage request, WhatsAppSettings settings);

    /// <summary>The URL that downloads the media bytes, from the URL the media look-up returned.</summary>
    protected abstract string DownloadUrl(WhatsAppSettings settings, string lookedUpUrl);

    public async Task<OutboundSendResult> SendAsync(Guid channelId, WhatsAppSettings settings, OutboundMessage message, TemplateDefinition? template, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl(settings))
        {
            Content = JsonContent.Create(CloudRequestBuilder.Build(message, template, settings.QuoteReplies)),
        };
        Authorize(request, settings);
        using var response = await http.SendForJsonAsync(request, GraphErrorMapper.Map, cancellationToken);
        var id = response.RootElement.Items("messages").Select(m => m.Text("id")).FirstOrDefault(i => i is not null)
            ?? throw new ChannelSendException("bad-response", "The provider accepted the message but returned no message id.", retryable: false);
        return new OutboundSendResult(id);
    }

    public async Task<DownloadedMedia> DownloadMediaAsync(WhatsAppSettings settings, string providerMediaId, CancellationToken cancellationToken)
    {
        using var lookup = new HttpRequestMessage(HttpMethod.Get, $"{settings.ApiBaseUrl}/{Uri.EscapeDataString(providerMediaId)}");
        Authorize(lookup, settings);
        string url;
        string? mimeType;
        using (var info = await http.SendForJsonAsync(lookup, GraphErrorMapper.Map, cancellationToken))
        {
            url = info.RootElement.Text("url") ?? throw new ChannelSendException("bad-response", "The media look-up returned no URL.", retryable: true);
            mimeType = info.RootElement.Text("mime_type");
        }

        // The media URL only answers with the same credentials as the API (step two of Meta's download).
        using var download = new HttpRequestMessage(HttpMethod.Get, DownloadUrl(settings, url));
        Authorize(download, settings);
        var (contentType, content) = await http.SendAsync(download, GraphErrorMapper.Map, cancellationToken);
        return new DownloadedMedia(content, mimeType ?? contentType, null);
    }

    public abstract Task<IReadOnlyList<TemplateDefinition>?> FetchTemplatesAsync(WhatsAppSettings settings, CancellationToken cancellationToken);

    protected async Task<JsonDocument> GetJsonAsync(WhatsAppSettings settings, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        Authorize(request, settings);
        return await http.SendForJsonAsync(request, GraphErrorMapper.Map, cancellationToken);
    }

    protected static TemplateDefinition ReadTemplate(JsonElement item) => new(
        item.Text("name") ?? "",
        item.Text("language") ?? "",
        item.Text("status") ?? "UNKNOWN",
        item.Text("category"),
        item.Text("parameter_format") ?? TemplateDefinition.Positional,
        item.Text("id"),
        item.Child("components")?.GetRawText() ?? "[]");
}
