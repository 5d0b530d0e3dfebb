using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sahut.Data;
using Sahut.Errors;
using Sahut.Workspaces;

namespace Sahut.Accounts;

/// <summary>Reads and flips <see cref="Domain.Workspace.IsActive"/>; the Billing plugin deactivates a workspace whose subscription ended.</summary>
public sealed class WorkspaceActivation(SahutDbContext db, ILogger<WorkspaceActivation> logger) : IWorkspaceActivation
{
    public async Task<bool> IsActiveAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => (bool?)w.IsActive).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Workspace");

    public async Task SetActiveAsync(Guid workspaceId, bool active, CancellationToken cancellationToken)
    {
        var changed = await db.Workspaces.Where(w => w.Id == workspaceId && w.IsActive != active)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.IsActive, active), cancellationToken);
        if (changed > 0)
        {
            logger.LogInformation("Workspace {WorkspaceId} is now {State}", workspaceId, active ? "active" : "deactivated");
        }
    }

    /// <summary>Refuses (423) a change in a deactivated workspace.</summary>
    public async Task EnsureWritableAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var active = await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => (bool?)w.IsActive).FirstOrDefaultAsync(cancellationToken);
        if (active == false)
        {
            throw new WorkspaceDeactivatedException();
        }
    }
}
