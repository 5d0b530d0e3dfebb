using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sahut.Data;
using Sahut.Errors;

namespace Sahut.Inbox;

/// <summary>Finds an attachment's stored file for a download, within one workspace.</summary>
public sealed class AttachmentQueries(SahutDbContext db, IOptions<SahutOptions> options)
{
    public async Task<AttachmentFile> GetFileAsync(Guid workspaceId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.WorkspaceId == workspaceId, cancellationToken)
            ?? throw new NotFoundException("Attachment");
        if (attachment.StoragePath is null)
        {
            throw new NotFoundException("The attachment's file (not downloaded yet)");
        }

        return new AttachmentFile(AttachmentFiles.FullPath(options.Value.ResolveDataDir(), attachment.StoragePath), attachment.FileName, attachment.ContentType);
    }
}

public sealed record AttachmentFile(string FullPath, string FileName, string ContentType);
