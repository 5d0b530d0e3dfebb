using Microsoft.AspNetCore.Http;

namespace Sahut.Web;

/// <summary>
/// The host's workspace access check for plugin endpoints and pages: who is calling and with what role, or null when
/// the caller has no access to the workspace (answer 404 then, exactly like a workspace that does not exist).
/// </summary>
public interface IWorkspaceAccess
{
    Task<WorkspaceAccessInfo?> ResolveAsync(HttpContext context, Guid workspaceId);
}

/// <summary>A caller's access to one workspace. <see cref="Role"/> is "Owner", "Admin" or "Agent"; API tokens act as "Admin".</summary>
public sealed record WorkspaceAccessInfo(Guid WorkspaceId, Guid? UserId, string Role, bool IsApiToken)
{
    public bool IsAdmin => Role is "Owner" or "Admin";
}
