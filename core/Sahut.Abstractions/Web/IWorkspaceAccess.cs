using Microsoft.AspNetCore.Http;

namespace Sahut.Web;

/// <summary>
/// The host's workspace access check for plugin endpoints under <c>/api/v1/workspaces/{ws}</c>: the same rule as the
/// core API (a workspace the caller does not belong to is treated as not existing, i.e. 404).
/// </summary>
public interface IWorkspaceAccess
{
    /// <summary>The caller's access to the workspace, or null when it has none.</summary>
    Task<WorkspaceAccessInfo?> ResolveAsync(HttpContext context, Guid workspaceId);
}

/// <summary>Who is calling in a workspace. <see cref="Role"/> is Owner, Admin or Agent; API tokens have no user and act as admins of their own workspace.</summary>
public sealed record WorkspaceAccessInfo(Guid WorkspaceId, Guid? UserId, string Role, bool IsApiToken)
{
    public bool IsAdmin => Role is "Owner" or "Admin";
}
