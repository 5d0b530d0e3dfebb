using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sahut.FakeGraphApi;

/// <summary>
/// A fake of Meta's Graph API on a real Kestrel on 127.0.0.1, following the documented shapes: send
/// (<c>POST /{version}/{phone-number-id}/messages</c>, and 360dialog's <c>POST /messages</c>), media look-up + download,
/// paged template list. It records every request, fails on demand, and signs and delivers webhooks like Meta.
/// The same server also plays the BSPs with their own API shapes: <see cref="Wati"/> and <see cref="Qontak"/>.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    public const string Version = "v23.0";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentQueue<ScriptedFailure> sendFailures = new();
    private readonly ConcurrentDictionary<string, FakeMedia> media = new();
    private readonly ConcurrentQueue<string> issuedIds = new();
    private readonly HttpClient webhookClient = new();
    private int mediaDownloadFailures;
    private int sequence;

    private FakeGraphServer(WebApplication app)
    {
        this.app = app;
        Wati = new FakeWati(this);
        Qontak = new FakeQontak(this);
    }

    /// <summary>Wati's tenant API (session and template sends, template list, media) on this server.</summary>
    public FakeWati Wati { get; }

    /// <summary>Qontak's open API (room messages, direct broadcasts, template list) on this server.</summary>
    public FakeQontak Qontak { get; }

    /// <summary>The Bearer token the Graph endpoints accept; anything else answers 401 with error 190.</summary>
    public string AccessToken { get; set; } = "fake-access-token";

    /// <summary>The <c>D360-API-KEY</c> the 360dialog endpoints accept.</summary>
    public string Dialog360ApiKey { get; set; } = "fake-360-key";

    /// <summary>Templates served by <c>GET /{version}/{waba-id}/message_templates</c>, in Meta's shape.</summary>
    public List<JsonObject> Templates { get; } = [];

    public int TemplatePageSize { get; set; } = 100;

    public string BaseUrl { get; private set; } = "";

    /// <summary>What a channel's <c>apiBaseUrl</c> should be to use this fake as the Cloud API.</summary>
    public string GraphBaseUrl => $"{BaseUrl}/{Version}";

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <summary>The message ids the fake answered successful sends with, in order.</summary>
    public IReadOnlyList<string> IssuedMessageIds => issuedIds.ToArray();

    public IEnumerable<RecordedRequest> Sends => requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal));

    public static async Task<FakeGraphServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        server.Map(app);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>The next <paramref name="times"/> sends (to any provider) answer with this failure instead of success.</summary>
    public void FailNextSends(ScriptedFailure failure, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            sendFailures.Enqueue(failure);
        }
    }

    public void AddMedia(FakeMedia item) => media[item.Id] = item;

    /// <summary>The next downloads of media bytes answer 500.</summary>
    public void FailMediaDownloads(int times) => Interlocked.Exchange(ref mediaDownloadFailures, times);

    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The fake Graph API did not receive the expected request.");
    }

    /// <summary>POSTs a webhook body to Sahut signed with the app secret, like Meta; <paramref name="signature"/> overrides it.</summary>
    public async Task<HttpResponseMessage> DeliverWebhookAsync(string webhookUrl, string body, string? appSecret, string? signature = null, IDictionary<string, string>? headers = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var value = signature ?? (appSecret is null ? null : WebhookSigner.Sign(appSecret, bytes));
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSigner.Header, value);
        }

        foreach (var (name, headerValue) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, headerValue);
        }

        return await webhookClient.SendAsync(request);
    }

    /// <summary>Meta's verification handshake against a callback URL.</summary>
    public Task<HttpResponseMessage> VerifyWebhookAsync(string webhookUrl, string verifyToken, string challenge) =>
        webhookClient.GetAsync($"{webhookUrl}?hub.mode=subscribe&hub.verify_token={Uri.EscapeDataString(verifyToken)}&hub.challenge={Uri.EscapeDataString(challenge)}");

    private void Map(WebApplication web)
    {
        web.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
            requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            await next();
        });

        web.MapPost("/{version}/{phoneNumberId}/messages", (HttpContext context, string phoneNumberId) => SendAsync(context, BearerOk(context)));
        web.MapPost("/messages", (Delegate)((HttpContext context) => SendAsync(context, context.Request.Headers["D360-API-KEY"] == Dialog360ApiKey)));
        web.MapGet("/{version}/{wabaId}/message_templates", (HttpContext context, string version, string wabaId, int? limit, string? after) =>
            BearerOk(context) ? Results.Json(TemplatePage(version, wabaId, limit, after)) : TokenExpired());
        web.MapGet("/v1/configs/templates", (HttpContext context) =>
            context.Request.Headers["D360-API-KEY"] == Dialog360ApiKey ? Results.Json(new { waba_templates = Templates }) : Results.Unauthorized());
        web.MapGet("/media-download/{mediaId}", (HttpContext context, string mediaId) => Download(context, mediaId));
        web.MapGet("/whatsapp_business/attachments/", (HttpContext context, string mid) => Download(context, mid));
        web.MapGet("/{version}/{mediaId}", (HttpContext context, string mediaId) => MediaLookup(context, mediaId));
        web.MapGet("/{mediaId}", (HttpContext context, string mediaId) => MediaLookup(context, mediaId));
        Wati.Map(web);
        Qontak.Map(web);
    }

    /// <summary>For a BSP send: 401 without the Bearer token, else the scripted failure, else null (go on and succeed).</summary>
    internal async Task<IResult?> BspGateAsync(HttpContext context, string token) =>
        HasBearer(context, token) ? await ScriptedFailureAsync(context) : Results.Unauthorized();

    /// <summary>The scripted answer for this send, or null when the send should succeed.</summary>
    internal async Task<IResult?> ScriptedFailureAsync(HttpContext context)
    {
        if (!sendFailures.TryDequeue(out var failure))
        {
            return null;
        }

        if (failure.Delay > TimeSpan.Zero)
        {
            await Task.Delay(failure.Delay, context.RequestAborted);
        }

        return failure.Respond();
    }

    /// <summary>The bytes of a media item added with <see cref="AddMedia"/>, honouring <see cref="FailMediaDownloads"/>.</summary>
    internal IResult ServeMedia(string mediaId, bool authorised)
    {
        if (!authorised)
        {
            return Results.Unauthorized();
        }

        if (Interlocked.Decrement(ref mediaDownloadFailures) >= 0)
        {
            return Results.StatusCode(500);
        }

        return media.TryGetValue(mediaId, out var item) ? Results.Bytes(item.Content, item.MimeType) : Results.NotFound();
    }

    private bool BearerOk(HttpContext context) => HasBearer(context, AccessToken);

    internal static bool HasBearer(HttpContext context, string token) => context.Request.Headers.Authorization == $"Bearer {token}";

    private bool AnyCredentialOk(HttpContext context) => BearerOk(context) || context.Request.Headers["D360-API-KEY"] == Dialog360ApiKey;

    private async Task<IResult> SendAsync(HttpContext context, bool authorised)
    {
        if (!authorised)
        {
            return TokenExpired();
        }

        if (await ScriptedFailureAsync(context) is { } failure)
        {
            return failure;
        }

        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var to = document.RootElement.TryGetProperty("to", out var t) ? t.GetString() : null;
        var id = $"wamid.FAKE{Interlocked.Increment(ref sequence):D6}";
        issuedIds.Enqueue(id);
        return Results.Json(new
        {
            messaging_product = "whatsapp",
            contacts = new[] { new { input = to, wa_id = to } },
            messages = new[] { new { id, message_status = "accepted" } },
        });
    }

    private IResult MediaLookup(HttpContext context, string mediaId)
    {
        if (!AnyCredentialOk(context))
        {
            return TokenExpired();
        }

        if (!media.TryGetValue(mediaId, out var item))
        {
            return Results.Text(ScriptedFailure.GraphError(100, "Invalid parameter").Body, "application/json", Encoding.UTF8, 400);
        }

        return Results.Json(new
        {
            messaging_product = "whatsapp",
            url = $"{BaseUrl}/whatsapp_business/attachments/?mid={mediaId}&ext=1751362830&hash=fake",
            mime_type = item.MimeType,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(item.Content)),
            file_size = item.Content.Length,
            id = mediaId,
        });
    }

    private IResult Download(HttpContext context, string mediaId) => ServeMedia(mediaId, AnyCredentialOk(context));

    private object TemplatePage(string version, string wabaId, int? limit, string? after)
    {
        var size = Math.Min(limit ?? 25, TemplatePageSize);
        var start = after is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(after)), System.Globalization.CultureInfo.InvariantCulture);
        var page = Templates.Skip(start).Take(size).ToList();
        var nextStart = start + page.Count;
        var cursorAfter = Convert.ToBase64String(Encoding.UTF8.GetBytes(nextStart.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var cursors = new { before = Convert.ToBase64String(Encoding.UTF8.GetBytes(start.ToString(System.Globalization.CultureInfo.InvariantCulture))), after = cursorAfter };
        return nextStart < Templates.Count
            ? new { data = page, paging = (object)new { cursors, next = $"{BaseUrl}/{version}/{wabaId}/message_templates?limit={size}&after={Uri.EscapeDataString(cursorAfter)}" } }
            : new { data = page, paging = (object)new { cursors } };
    }

    private static IResult TokenExpired() => Results.Text(
        """{"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"FakeTrace190"}}""",
        "application/json",
        Encoding.UTF8,
        401);

    public async ValueTask DisposeAsync()
    {
        webhookClient.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
