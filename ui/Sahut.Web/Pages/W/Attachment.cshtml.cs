using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sahut.Data;
using Sahut.Inbox;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Pages.W;

/// <summary>Serves a downloaded attachment to members of its workspace; files never sit under the web root.</summary>
public sealed class AttachmentModel(SahutDbContext db, IOptions<SahutOptions> options) : WorkspacePageModel
{
    public async Task<IActionResult> OnGetAsync(Guid attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.WorkspaceId == WorkspaceId, cancellationToken);
        if (attachment?.StoragePath is not { } relative)
        {
            return NotFound();
        }

        var path = AttachmentFiles.FullPath(options.Value.ResolveDataDir(), relative);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        // Served as a download so an uploaded HTML or SVG file cannot run script on Sahut's origin.
        return PhysicalFile(path, "application/octet-stream", attachment.FileName);
    }
}
