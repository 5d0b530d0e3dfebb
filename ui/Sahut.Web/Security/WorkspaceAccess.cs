namespace Sahut.Web.Security;

/// <summary>Exposes <see cref="WorkspaceCaller"/>'s access check to plugin endpoints.</summary>
internal sealed class WorkspaceAccess : IWorkspaceAccess
{
    public async Task<WorkspaceAccessInfo?> ResolveAsync(HttpContext context, Guid workspaceId) =>
        await WorkspaceCaller.ResolveAsync(context, workspaceId) is { } caller ? new WorkspaceAccessInfo(caller.WorkspaceId, caller.UserId, caller.Role.ToString(), caller.IsApiToken) : null;
}
