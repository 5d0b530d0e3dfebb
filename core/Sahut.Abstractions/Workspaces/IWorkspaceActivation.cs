namespace Sahut.Workspaces;

/// <summary>
/// Activates and deactivates workspaces. A deactivated workspace is read-only: the core refuses changes (423) and
/// deletes nothing; activating it again restores everything.
/// </summary>
public interface IWorkspaceActivation
{
    Task<bool> IsActiveAsync(Guid workspaceId, CancellationToken cancellationToken);

    Task SetActiveAsync(Guid workspaceId, bool active, CancellationToken cancellationToken);
}
