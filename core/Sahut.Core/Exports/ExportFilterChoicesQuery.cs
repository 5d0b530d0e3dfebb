using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Errors;

namespace Sahut.Exports;

/// <summary>The workspace's time zone, channels (connected or not: history stays exportable) and members.</summary>
internal sealed class ExportFilterChoicesQuery(SahutDbContext db) : IExportFilterChoices
{
    public async Task<ExportFilterChoices> GetAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var zone = await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Workspace");
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId)
            .OrderBy(c => c.Name)
            .Select(c => new ExportChoice(c.Id, c.Name))
            .ToListAsync(cancellationToken);
        var agents = await db.Memberships.AsNoTracking().Where(m => m.WorkspaceId == workspaceId)
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.Email })
            .ToListAsync(cancellationToken);
        return new ExportFilterChoices(
            zone,
            channels,
            [.. agents.Select(a => new ExportChoice(a.UserId, string.IsNullOrWhiteSpace(a.DisplayName) ? a.Email ?? "" : a.DisplayName)).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)]);
    }
}
