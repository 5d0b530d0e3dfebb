using Sahut.Web;

namespace Sahut.Web.Security;

/// <summary>Gives plugin endpoints the same workspace access check as the host's API (<see cref="WorkspaceCaller"/>).</summary>
internal sealed class WorkspaceAccess : IWorkspaceAccess
{
    public async Task<WorkspaceAccessGrant?> ResolveAsync(HttpContext context, Guid workspaceId) =>
        await WorkspaceCaller.ResolveAsync(context, workspaceId) is { } caller
            ? new WorkspaceAccessGrant(caller.WorkspaceId, caller.UserId, caller.IsAdmin)
            : null;
}
