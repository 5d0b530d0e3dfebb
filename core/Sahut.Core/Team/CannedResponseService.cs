using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Errors;

namespace Sahut.Team;

/// <summary>Shared saved replies of a workspace, looked up by <c>/shortcut</c>.</summary>
public sealed class CannedResponseService(SahutDbContext db, TimeProvider time)
{
    public Task<List<CannedResponse>> ListAsync(Guid workspaceId, string? prefix, CancellationToken cancellationToken)
    {
        var query = db.CannedResponses.AsNoTracking().Where(c => c.WorkspaceId == workspaceId);
        if (!string.IsNullOrWhiteSpace(prefix))
        {
            var normalized = Normalize(prefix);
            query = query.Where(c => c.Shortcut.StartsWith(normalized));
        }

        return query.OrderBy(c => c.Shortcut).ToListAsync(cancellationToken);
    }

    public async Task<CannedResponse> CreateAsync(Guid workspaceId, string shortcut, string content, CancellationToken cancellationToken)
    {
        var normalized = await ValidateAsync(workspaceId, null, shortcut, content, cancellationToken);
        var canned = new CannedResponse { WorkspaceId = workspaceId, Shortcut = normalized, Content = content.Trim(), CreatedAt = time.UtcNow() };
        db.CannedResponses.Add(canned);
        await db.SaveChangesAsync(cancellationToken);
        return canned;
    }

    public async Task<CannedResponse> UpdateAsync(Guid workspaceId, Guid id, string shortcut, string content, CancellationToken cancellationToken)
    {
        var canned = await db.CannedResponses.FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, cancellationToken)
            ?? throw new NotFoundException("Saved reply");
        canned.Shortcut = await ValidateAsync(workspaceId, id, shortcut, content, cancellationToken);
        canned.Content = content.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return canned;
    }

    public async Task DeleteAsync(Guid workspaceId, Guid id, CancellationToken cancellationToken)
    {
        if (await db.CannedResponses.Where(c => c.Id == id && c.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new NotFoundException("Saved reply");
        }
    }

    private async Task<string> ValidateAsync(Guid workspaceId, Guid? id, string? shortcut, string? content, CancellationToken cancellationToken)
    {
        var normalized = Normalize(shortcut ?? "");
        if (normalized.Length is 0 or > 64 || normalized.Any(char.IsWhiteSpace))
        {
            throw InputValidationException.For("shortcut", "A shortcut is one word, e.g. /ongkir.");
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            throw InputValidationException.For("content", "A saved reply needs text.");
        }

        if (await db.CannedResponses.AnyAsync(c => c.WorkspaceId == workspaceId && c.Shortcut == normalized && c.Id != id, cancellationToken))
        {
            throw InputValidationException.For("shortcut", $"/{normalized} already exists.");
        }

        return normalized;
    }

    private static string Normalize(string shortcut) => shortcut.Trim().TrimStart('/').ToLowerInvariant();
}
