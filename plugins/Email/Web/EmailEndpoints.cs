using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sahut.Channels;
using Sahut.Plugins.Email.Data;
using Sahut.Plugins.Email.Settings;
using Sahut.Web;

namespace Sahut.Plugins.Email.Web;

/// <summary>
/// Admin endpoints of the email channel: test a connection before connecting, and list quarantined messages.
/// Every route checks the caller's workspace access like the host's API (404 outside it, 403 below admin).
/// </summary>
internal sealed class EmailEndpoints(IWorkspaceAccess access, IChannelDirectory directory, IMailboxStateStore store, ConnectionTester tester) : IEndpointContributor
{
    // The host's API authorization policy: bearer API token or session cookie.
    private const string ApiPolicy = "Sahut";

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var workspace = endpoints.MapGroup("/api/v1/workspaces/{ws:guid}").RequireAuthorization(ApiPolicy).WithTags("Email");
        workspace.MapPost("/channels/email/test-connection", TestConnectionAsync);
        workspace.MapGet("/channels/{channelId:guid}/email/quarantine", ListQuarantineAsync);
        workspace.MapGet("/channels/{channelId:guid}/email/quarantine/{id:guid}/raw", DownloadQuarantinedAsync);
    }

    private async Task<IResult> TestConnectionAsync(HttpContext context, Guid ws, JsonObject settings, CancellationToken cancellationToken)
    {
        if (await AdminOrDenialAsync(context, ws) is { } denied)
        {
            return denied;
        }

        if (!EmailSettings.TryParse(settings, out var parsed, out var errors))
        {
            return Results.ValidationProblem(errors, title: "The email settings are incomplete.");
        }

        var failures = await tester.TestAsync(parsed, cancellationToken);
        return failures.Count == 0
            ? Results.Ok(new { ok = true, imap = "ok", smtp = "ok" })
            : Results.ValidationProblem(failures, title: "The connection test failed.");
    }

    private async Task<IResult> ListQuarantineAsync(HttpContext context, Guid ws, Guid channelId, CancellationToken cancellationToken)
    {
        if ((await AdminOrDenialAsync(context, ws) ?? await ChannelOrNotFoundAsync(ws, channelId, cancellationToken)) is { } denied)
        {
            return denied;
        }

        var items = await store.ListQuarantineAsync(channelId, cancellationToken);
        return Results.Ok(items.Select(q => new { q.Id, q.Uid, q.MessageId, q.From, q.Subject, q.Reason, q.QuarantinedAt }));
    }

    private async Task<IResult> DownloadQuarantinedAsync(HttpContext context, Guid ws, Guid channelId, Guid id, CancellationToken cancellationToken)
    {
        if ((await AdminOrDenialAsync(context, ws) ?? await ChannelOrNotFoundAsync(ws, channelId, cancellationToken)) is { } denied)
        {
            return denied;
        }

        var item = await store.FindQuarantinedAsync(channelId, id, cancellationToken);
        return item?.Raw is { } raw ? Results.File(raw, "message/rfc822", $"quarantined-{item.Uid}.eml") : Results.NotFound();
    }

    private async Task<IResult?> AdminOrDenialAsync(HttpContext context, Guid ws)
    {
        var grant = await access.ResolveAsync(context, ws);
        return grant is null ? Results.NotFound()
            : !grant.IsAdmin ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only workspace owners and admins may do this.")
            : null;
    }

    private async Task<IResult?> ChannelOrNotFoundAsync(Guid ws, Guid channelId, CancellationToken cancellationToken)
    {
        var channel = await directory.FindAsync(channelId, cancellationToken);
        return channel is { Type: EmailChannelType.TypeKey } && channel.WorkspaceId == ws ? null : Results.NotFound();
    }
}
