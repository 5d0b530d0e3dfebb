using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sahut.FakeGraphApi;

/// <summary>
/// Wati's legacy tenant API (docs.wati.io/reference, <c>https://live-mt-server.wati.io/{tenantId}/api/…</c>) with
/// <c>Authorization: Bearer</c>: <c>POST v1/sendSessionMessage/{number}?messageText=</c>,
/// <c>POST v2/sendTemplateMessage?whatsappNumber=</c>, <c>GET v1/getMessageTemplates?pageSize=&amp;pageNumber=</c>,
/// <c>GET v1/getMedia?fileName=</c>. Refusals are HTTP 200 with <c>{"result": false, "info": …}</c>, as Wati does;
/// webhooks are Wati's flat events (one per POST, no signature).
/// </summary>
public sealed class FakeWati
{
    public const string TenantId = "1043870";

    private readonly FakeGraphServer server;
    private readonly ConcurrentQueue<string> issuedIds = new();
    private int sequence;

    internal FakeWati(FakeGraphServer server) => this.server = server;

    public string AccessToken { get; set; } = "fake-wati-token";

    /// <summary>Templates served by <c>getMessageTemplates</c>, in Wati's shape (see <see cref="Template"/>).</summary>
    public List<JsonObject> Templates { get; } = [];

    /// <summary>What a channel's <c>apiBaseUrl</c> should be: the server plus the tenant id, like Wati's dashboard shows.</summary>
    public string BaseUrl => $"{server.BaseUrl}/{TenantId}";

    /// <summary>The id each successful send answered with: the <c>whatsappMessageId</c> of a session send, the <c>localMessageId</c> of a template send.</summary>
    public IReadOnlyList<string> IssuedMessageIds => issuedIds.ToArray();

    public IEnumerable<RecordedRequest> Sends => server.Requests.Where(r => r.Method == "POST"
        && (r.Path.StartsWith($"/{TenantId}/api/v1/sendSessionMessage/", StringComparison.Ordinal) || r.Path == $"/{TenantId}/api/v2/sendTemplateMessage"));

    /// <summary>The link Wati puts in a media message's <c>data</c>; fetching it needs the API token.</summary>
    public string MediaUrl(string fileName) => $"{BaseUrl}/api/v1/getMedia?fileName={Uri.EscapeDataString(fileName)}";

    /// <summary>A template as <c>getMessageTemplates</c> lists it.</summary>
    public static JsonObject Template(string id, string name, string language, string status, string body, string category = "UTILITY") => new()
    {
        ["id"] = id,
        ["elementName"] = name,
        ["category"] = category,
        ["status"] = status,
        ["language"] = new JsonObject { ["key"] = language, ["value"] = language, ["text"] = language },
        ["body"] = body,
        ["bodyOriginal"] = body,
        ["customParams"] = new JsonArray(),
    };

    /// <summary>A "message" webhook: a customer wrote (<c>owner: false</c>).</summary>
    public static string MessageReceived(string whatsappMessageId, string waId, string senderName, string? text, DateTimeOffset at, string type = "text", string? data = null) =>
        new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N")[..24],
            ["created"] = at.UtcDateTime.ToString("O"),
            ["whatsappMessageId"] = whatsappMessageId,
            ["conversationId"] = "c-" + waId,
            ["ticketId"] = "t-" + waId,
            ["text"] = text,
            ["type"] = type,
            ["data"] = data,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["owner"] = false,
            ["eventType"] = "message",
            ["waId"] = waId,
            ["senderName"] = senderName,
        }.ToJsonString();

    /// <summary>
    /// A status event about a message the business sent (<c>sessionMessageSent_v2</c>, <c>templateMessageSent_v2</c>,
    /// <c>sentMessageDELIVERED_v2</c>, <c>sentMessageREAD_v2</c>, <c>sessionMessageFailed</c> …), carrying the ids Wati puts there.
    /// </summary>
    public static string StatusEvent(string eventType, string statusString, string? localMessageId, string? whatsappMessageId, DateTimeOffset at, string waId = "6281377712345", string? failedDetail = null) =>
        new JsonObject
        {
            ["eventType"] = eventType,
            ["statusString"] = statusString,
            ["localMessageId"] = localMessageId,
            ["id"] = Guid.NewGuid().ToString("N")[..24],
            ["whatsappMessageId"] = whatsappMessageId,
            ["conversationId"] = "c-" + waId,
            ["text"] = "…",
            ["type"] = "text",
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["owner"] = true,
            ["waId"] = waId,
            ["failedCode"] = failedDetail is null ? null : "131026",
            ["failedDetail"] = failedDetail,
        }.ToJsonString();

    internal void Map(WebApplication web)
    {
        var api = web.MapGroup($"/{TenantId}/api");
        api.MapPost("/v1/sendSessionMessage/{whatsappNumber}", SessionMessageAsync);
        api.MapPost("/v2/sendTemplateMessage", TemplateMessageAsync);
        api.MapGet("/v1/getMessageTemplates", (HttpContext context, int? pageSize, int? pageNumber) => Authorised(context) ? Results.Json(TemplatePage(pageSize ?? 10, pageNumber ?? 1)) : Results.Unauthorized());
        api.MapGet("/v1/getMedia", (HttpContext context, string fileName) => server.ServeMedia(fileName, Authorised(context)));
    }

    private bool Authorised(HttpContext context) => FakeGraphServer.HasBearer(context, AccessToken);

    private async Task<IResult> SessionMessageAsync(HttpContext context, string whatsappNumber, string? messageText, string? localMessageId)
    {
        if (await server.BspGateAsync(context, AccessToken) is { } early)
        {
            return early;
        }

        // Wati reads messageText from the query only; a body does not count (a live report: "message text can not be empty").
        if (string.IsNullOrEmpty(messageText))
        {
            return Results.Json(new { result = false, info = "message text can not be empty" });
        }

        var whatsappMessageId = $"wamid.WATI{Interlocked.Increment(ref sequence):D6}";
        issuedIds.Enqueue(whatsappMessageId);
        return Results.Json(new
        {
            ok = true,
            result = "success",
            message = new
            {
                whatsappMessageId,
                localMessageId,
                id = Guid.NewGuid().ToString("N")[..24],
                text = messageText,
                type = "text",
                owner = true,
                statusString = "SENT",
                waId = whatsappNumber,
                timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });
    }

    private async Task<IResult> TemplateMessageAsync(HttpContext context, string whatsappNumber)
    {
        if (await server.BspGateAsync(context, AccessToken) is { } early)
        {
            return early;
        }

        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var name = document.RootElement.TryGetProperty("template_name", out var n) ? n.GetString() : null;
        if (!Templates.Any(t => t["elementName"]?.GetValue<string>() == name))
        {
            return Results.Json(new { result = false, info = "Template Not Found" });
        }

        var localMessageId = Guid.NewGuid().ToString();
        issuedIds.Enqueue(localMessageId);
        return Results.Json(new
        {
            result = true,
            error = (string?)null,
            templateName = name,
            receivers = new[] { new { localMessageId, waId = whatsappNumber, isValidWhatsAppNumber = true, errors = Array.Empty<string>() } },
            parameters = document.RootElement.TryGetProperty("parameters", out var p) ? p.Clone() : default,
        });
    }

    private object TemplatePage(int pageSize, int pageNumber)
    {
        var page = Templates.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToList();
        return new
        {
            result = "success",
            messageTemplates = page,
            link = new { prevPage = pageNumber > 1 ? pageNumber - 1 : (int?)null, nextPage = pageNumber * pageSize < Templates.Count ? pageNumber + 1 : (int?)null, pageNumber, pageSize, total = Templates.Count },
        };
    }

    /// <summary>An answer Wati gives with HTTP 200 for a template to a number that is not on WhatsApp.</summary>
    public static ScriptedFailure InvalidNumber(string waId) => new(200, JsonSerializer.Serialize(new
    {
        result = true,
        error = (string?)null,
        templateName = "any",
        receivers = new[] { new { localMessageId = Guid.NewGuid().ToString(), waId, isValidWhatsAppNumber = false, errors = new[] { "Invalid WhatsApp number" } } },
    }));

    /// <summary>A refusal Wati gives with HTTP 200, e.g. <c>Refusal("Invalid Conversation")</c>.</summary>
    public static ScriptedFailure Refusal(string info) => new(200, JsonSerializer.Serialize(new { result = false, info }));
}
