namespace Sahut.Web.Security;

/// <summary>Plugins' view of <see cref="WorkspaceCaller"/>: the same access check, in types from Sahut.Abstractions.</summary>
internal sealed class WorkspaceAccess : IWorkspaceAccess
{
    public async Task<WorkspaceAccessInfo?> ResolveAsync(HttpContext context, Guid workspaceId) =>
        await WorkspaceCaller.ResolveAsync(context, workspaceId) is { } caller
            ? new WorkspaceAccessInfo(caller.WorkspaceId, caller.UserId, caller.Role.ToString(), caller.IsApiToken)
            : null;
}
