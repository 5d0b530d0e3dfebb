using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sahut.FakeGraphApi;

/// <summary>
/// Qontak's open API (qontak-dev/chat guides "WhatsApp API", "Send Message", "Message Interaction") under
/// <c>/api/open/v1</c> with <c>Authorization: Bearer</c>: <c>POST messages/whatsapp/bot</c> (in-window text to a room),
/// <c>POST broadcasts/whatsapp/direct</c> (a template by id), <c>GET broadcasts/{id}/whatsapp/log</c> (the broadcast's
/// message with its WhatsApp message id, npm @mimamch/qontak's typed shape), <c>GET templates/whatsapp?offset=&amp;limit=</c>. Answers are
/// <c>{"status": "success", "data": …}</c>; validation errors are 422. Webhooks are flat message objects with their room.
/// Media links are served at <c>/qontak-media/{id}</c> without credentials, like a storage bucket; the fake records
/// whether a token came along.
/// </summary>
public sealed class FakeQontak
{
    private const string Api = "/api/open/v1";

    private readonly FakeGraphServer server;
    private readonly ConcurrentQueue<string> issuedIds = new();
    private readonly ConcurrentDictionary<string, (string WhatsAppMessageId, string ToNumber, string? ToName)> broadcasts = new();

    internal FakeQontak(FakeGraphServer server) => this.server = server;

    public string AccessToken { get; set; } = "fake-qontak-token";

    /// <summary>Templates served by <c>templates/whatsapp</c>, in Qontak's shape (see <see cref="Template"/>).</summary>
    public List<JsonObject> Templates { get; } = [];

    public string BaseUrl => server.BaseUrl + Api;

    /// <summary>The <c>data.id</c> each successful send answered with (a room message id, or a broadcast id for templates).</summary>
    public IReadOnlyList<string> IssuedIds => issuedIds.ToArray();

    /// <summary>
    /// While true, broadcast logs answer as Qontak does before it has handed the message to WhatsApp: status
    /// <c>pending</c> and no <c>whatsapp_message_id</c>.
    /// </summary>
    public bool BroadcastLogsPending { get; set; }

    public IEnumerable<RecordedRequest> BroadcastLogReads => server.Requests.Where(r => r.Method == "GET" && r.Path.StartsWith($"{Api}/broadcasts/", StringComparison.Ordinal) && r.Path.EndsWith("/whatsapp/log", StringComparison.Ordinal));

    /// <summary>The WhatsApp message id of a direct broadcast's message: its log names it, and so do its status webhooks (<c>external_id</c>).</summary>
    public string WhatsAppMessageIdOf(string broadcastId) => broadcasts[broadcastId].WhatsAppMessageId;

    public IEnumerable<RecordedRequest> Sends => server.Requests.Where(r => r.Method == "POST"
        && (r.Path == $"{Api}/messages/whatsapp/bot" || r.Path == $"{Api}/broadcasts/whatsapp/direct"));

    /// <summary>A media link on the given host (e.g. the API host, or another name for a "storage bucket").</summary>
    public string MediaUrl(string mediaId, string? host = null) =>
        (host is null ? server.BaseUrl : new UriBuilder(server.BaseUrl) { Host = host }.Uri.ToString().TrimEnd('/')) + "/qontak-media/" + Uri.EscapeDataString(mediaId);

    public static JsonObject Template(string id, string name, string language, string status, string body, string category = "ACCOUNT_UPDATE") => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["language"] = language,
        ["header"] = null,
        ["body"] = body,
        ["footer"] = null,
        ["status"] = status,
        ["category"] = category,
    };

    /// <summary>
    /// A message-interaction webhook: <paramref name="participantType"/> <c>customer</c> for a customer's message;
    /// <c>agent</c>/<c>bot</c> (with a <paramref name="status"/>) for the business's own messages and their status changes.
    /// </summary>
    public static string MessageWebhook(string id, string roomId, string customerNumber, string participantType, string status, string? text, DateTimeOffset at,
        string type = "text", JsonObject? file = null, bool isCampaign = false, string? externalId = null) =>
        new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["room_id"] = roomId,
            ["is_campaign"] = isCampaign,
            ["sender_id"] = Guid.NewGuid().ToString(),
            ["sender_type"] = participantType == "customer" ? "Models::Contact" : "Models::User",
            ["sender"] = new JsonObject { ["name"] = participantType == "customer" ? "Burhanudin" : "Agent One", ["avatar"] = null },
            ["text"] = text,
            ["file"] = file,
            ["status"] = status,
            ["participant_type"] = participantType,
            ["external_id"] = externalId ?? "gBEG" + id.Replace("-", "", StringComparison.Ordinal)[..12],
            ["local_id"] = null,
            ["created_at"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["reply"] = null,
            ["room"] = new JsonObject
            {
                ["id"] = roomId,
                ["name"] = "Burhanudin",
                ["status"] = "unassigned",
                ["channel"] = "wa",
                ["account_uniq_id"] = customerNumber,
                ["channel_integration_id"] = "b3a2ee0b-7dac-47b8-a115-7bc63abf8f15",
                ["session"] = "open",
                ["session_at"] = at.UtcDateTime.ToString("O"),
            },
        }.ToJsonString();

    /// <summary>A Qontak validation error (HTTP 422).</summary>
    public static ScriptedFailure Unprocessable(string message) => Error(422, message);

    private static ScriptedFailure Error(int status, string message) => new(status, JsonSerializer.Serialize(new { status = "error", error = new { code = status, messages = new[] { message } } }));

    internal void Map(WebApplication web)
    {
        var api = web.MapGroup(Api);
        api.MapPost("/messages/whatsapp/bot", (Delegate)RoomMessageAsync);
        api.MapPost("/broadcasts/whatsapp/direct", (Delegate)DirectBroadcastAsync);
        api.MapGet("/broadcasts/{id}/whatsapp/log", (HttpContext context, string id) => BroadcastLog(context, id));
        api.MapGet("/templates/whatsapp", (HttpContext context, int? offset, int? limit) => Authorised(context) ? Results.Json(TemplatePage(offset ?? 1, limit ?? 10)) : Results.Unauthorized());
        web.MapGet("/qontak-media/{mediaId}", (string mediaId) => server.ServeMedia(mediaId, authorised: true));
    }

    private bool Authorised(HttpContext context) => FakeGraphServer.HasBearer(context, AccessToken);

    private async Task<IResult> RoomMessageAsync(HttpContext context)
    {
        if (await server.BspGateAsync(context, AccessToken) is { } early)
        {
            return early;
        }

        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var root = document.RootElement;
        var roomId = root.TryGetProperty("room_id", out var r) ? r.GetString() : null;
        var text = root.TryGetProperty("text", out var t) ? t.GetString() : null;
        if (string.IsNullOrEmpty(roomId) || string.IsNullOrEmpty(text))
        {
            return Unprocessable("room_id and text are required").Respond();
        }

        var id = Guid.NewGuid().ToString();
        issuedIds.Enqueue(id);
        return Results.Json(
            new
            {
                status = "success",
                data = new { id, type = "text", room_id = roomId, text, status = "created", participant_type = "bot", created_at = DateTime.UtcNow.ToString("O") },
            },
            statusCode: StatusCodes.Status201Created);
    }

    private async Task<IResult> DirectBroadcastAsync(HttpContext context)
    {
        if (await server.BspGateAsync(context, AccessToken) is { } early)
        {
            return early;
        }

        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var root = document.RootElement;
        var templateId = root.TryGetProperty("message_template_id", out var m) ? m.GetString() : null;
        var template = Templates.FirstOrDefault(x => x["id"]?.GetValue<string>() == templateId);
        if (template is null || !root.TryGetProperty("channel_integration_id", out _) || !root.TryGetProperty("to_number", out var to))
        {
            return Unprocessable("message_template_id, channel_integration_id and to_number are required").Respond();
        }

        var id = Guid.NewGuid().ToString();
        broadcasts[id] = ("wamid.HBgM" + Guid.NewGuid().ToString("N").ToUpperInvariant(), to.GetString() ?? "", root.TryGetProperty("to_name", out var toName) ? toName.GetString() : null);
        issuedIds.Enqueue(id);
        return Results.Json(new
        {
            status = "success",
            data = new
            {
                id,
                name = root.TryGetProperty("to_name", out var name) ? name.GetString() : to.GetString(),
                channel_integration_id = root.GetProperty("channel_integration_id").GetString(),
                contact_list_id = (string?)null,
                target_channel = "wa",
                created_at = DateTime.UtcNow.ToString("O"),
                message_status_count = new { failed = 0, delivered = 0, read = 0, pending = 0, sent = 0 },
                message_template = template,
            },
        });
    }

    private IResult BroadcastLog(HttpContext context, string broadcastId)
    {
        if (!Authorised(context))
        {
            return Results.Unauthorized();
        }

        if (!broadcasts.TryGetValue(broadcastId, out var broadcast))
        {
            return Error(404, "Broadcast not found").Respond();
        }

        var pending = BroadcastLogsPending;
        var now = DateTimeOffset.UtcNow;
        return Results.Json(new
        {
            status = "success",
            data = new
            {
                id = Guid.NewGuid().ToString(),
                organization_id = "5c8521e5-5978-4817-9ceb-ae1710d676c9",
                messages_broadcast_id = broadcastId,
                contact_phone_number = broadcast.ToNumber,
                contact_full_name = broadcast.ToName,
                status = pending ? "pending" : "sent",
                whatsapp_message_id = pending ? null : broadcast.WhatsAppMessageId,
                whatsapp_error_message = (string?)null,
                messages_response = pending
                    ? null
                    : new
                    {
                        messages = new[] { new { id = broadcast.WhatsAppMessageId } },
                        meta = new { api_status = "stable", version = "2.41.2" },
                        sent = new { statuses = new[] { new { id = broadcast.WhatsAppMessageId, status = "sent", timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), recipient_id = broadcast.ToNumber } } },
                    },
                created_at = now.UtcDateTime.ToString("O"),
            },
            meta = new { pagination = new { offset = 1, limit = 10, total = 1 } },
        });
    }

    private object TemplatePage(int offset, int limit)
    {
        var page = Templates.Skip((Math.Max(offset, 1) - 1) * limit).Take(limit).ToList();
        return new { status = "success", data = page, meta = new { pagination = new { offset, limit, total = Templates.Count } } };
    }
}
