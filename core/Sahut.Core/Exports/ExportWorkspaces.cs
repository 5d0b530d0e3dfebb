using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Errors;

namespace Sahut.Exports;

internal static class ExportWorkspaces
{
    /// <summary>The clock of the workspace an export is for; an unknown workspace answers 404.</summary>
    public static async Task<WorkspaceExportClock> ClockAsync(this SahutDbContext db, Guid workspaceId, CancellationToken cancellationToken)
    {
        var zone = await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Workspace");
        return WorkspaceExportClock.For(zone);
    }
}
