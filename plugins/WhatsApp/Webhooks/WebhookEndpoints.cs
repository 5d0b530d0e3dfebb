using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Providers;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Templates;
using Sahut.Web;

namespace Sahut.Plugins.WhatsApp.Webhooks;

/// <summary>
/// <c>/webhooks/whatsapp/{webhookKey}</c>: GET answers Meta's verification handshake; POST authenticates the raw body,
/// parses every entry/change/message/status, and answers 200 only once the sink has stored them.
/// </summary>
internal sealed class WebhookEndpoints(
    IChannelDirectory directory,
    IInboundSink sink,
    WhatsAppProviders providers,
    WebhookRouter router,
    TemplateStatusHandler templateStatus,
    WhatsAppOptions options,
    ILogger<WebhookEndpoints> logger) : IEndpointContributor
{
    public const string Route = "/webhooks/whatsapp/{webhookKey}";

    // Read once per cached channel settings object (the directory hands out the same one until the channel changes):
    // reading every setting out of the JSON on each webhook was a visible share of a webhook's cost.
    private readonly ConditionalWeakTable<JsonObject, WhatsAppSettings> settingsRead = new();

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, HandshakeAsync).ExcludeFromDescription();
        endpoints.MapPost(Route, ReceiveAsync).ExcludeFromDescription();
    }

    private async Task<IResult> HandshakeAsync(HttpContext context, string webhookKey)
    {
        var channel = await directory.FindByWebhookKeyAsync(WhatsAppChannelType.TypeKey, webhookKey, context.RequestAborted);
        if (channel is null)
        {
            return Results.NotFound();
        }

        var query = context.Request.Query;
        var expected = WhatsAppSettings.From(channel.Settings).VerifyToken;
        if (query["hub.mode"] != "subscribe" || expected is null || !SameText(query["hub.verify_token"].ToString(), expected))
        {
            logger.LogWarning("Webhook verification for channel {ChannelId} refused", channel.ChannelId);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return Results.Text(query["hub.challenge"].ToString(), "text/plain", Encoding.UTF8);
    }

    private async Task<IResult> ReceiveAsync(HttpContext context, string webhookKey)
    {
        var cancellationToken = context.RequestAborted;
        var channel = await directory.FindByWebhookKeyAsync(WhatsAppChannelType.TypeKey, webhookKey, cancellationToken);
        if (channel is null)
        {
            return Results.NotFound();
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var settings = settingsRead.GetValue(channel.Settings, WhatsAppSettings.From);
        var provider = providers.For(settings);
        if (!provider.IsAuthentic(settings, context.Request.Headers, body))
        {
            logger.LogWarning("Webhook for channel {ChannelId} failed authentication", channel.ChannelId);
            return Results.Unauthorized();
        }

        WebhookBatch batch;
        try
        {
            batch = provider.Parse(body);
        }
        catch (WebhookFormatException ex)
        {
            logger.LogWarning("Malformed webhook for channel {ChannelId}: {Problem}", channel.ChannelId, ex.Message);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed webhook", detail: ex.Message);
        }

        foreach (var (channelId, events) in await router.RouteAsync(channel, settings, batch.Events, cancellationToken))
        {
            await sink.AcceptAsync(channelId, events, cancellationToken);
        }

        if (batch.WhatsAppIdStatuses is { Count: > 0 } statuses)
        {
            await sink.AcceptAsync(channel.ChannelId, await provider.MatchStatusesAsync(channel.ChannelId, statuses, cancellationToken), cancellationToken);
        }

        if (batch.TemplateUpdates.Count > 0)
        {
            await templateStatus.ApplyAsync(channel, batch.TemplateUpdates, cancellationToken);
        }

        return Acknowledged.Instance;
    }

    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxWebhookBytes)
        {
            return null;
        }

        // Providers send Content-Length: read into an array of exactly that size (a 16 KB scratch buffer per request,
        // zeroed on allocation, was a visible share of the ingest CPU). Chunked bodies take the buffered path.
        if (request.ContentLength is { } length)
        {
            var body = new byte[length];
            var filled = await request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken);
            return filled == body.Length ? body : body[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int count;
        while ((count = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + count > options.MaxWebhookBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, count);
        }

        return buffer.ToArray();
    }

    private static bool SameText(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
