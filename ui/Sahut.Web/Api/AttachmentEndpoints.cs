using Sahut.Inbox;
using Sahut.Web.Security;

namespace Sahut.Web.Api;

internal static class AttachmentEndpoints
{
    private static readonly HashSet<string> InlineTypes = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/gif", "image/webp" };

    public static void MapAttachmentEndpoints(this RouteGroupBuilder workspace) =>
        workspace.MapGet("/attachments/{id:guid}", async (WorkspaceCaller caller, Guid id, AttachmentQueries attachments, HttpContext http, CancellationToken ct) =>
        {
            var file = await attachments.GetFileAsync(caller.WorkspaceId, id, ct);
            // Customer files are never rendered as active content: only plain images inline, everything else downloads.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            var inline = InlineTypes.Contains(file.ContentType);
            return Results.File(file.FullPath, inline ? file.ContentType : "application/octet-stream", inline ? null : file.FileName);
        }).WithTags("Attachments");
}
