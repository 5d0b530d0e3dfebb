using Microsoft.AspNetCore.Http;

namespace Sahut.Web;

/// <summary>
/// The host's workspace access check for plugin endpoints and pages: the same rule as the core API. A workspace the
/// caller does not belong to is treated as not existing (answer 404). The host authenticates the request with its API
/// schemes (bearer API token or session cookie) when nothing has yet, so a null answer for an anonymous caller means 401.
/// </summary>
public interface IWorkspaceAccess
{
    /// <summary>The caller's access to the workspace, or null when it has none.</summary>
    Task<WorkspaceAccessInfo?> ResolveAsync(HttpContext context, Guid workspaceId);
}

/// <summary>Who is calling in a workspace; API tokens have no user and act as admins of their own workspace.</summary>
public sealed record WorkspaceAccessInfo(Guid WorkspaceId, Guid? UserId, string Role, bool IsApiToken)
{
    public bool IsAdmin => Role is "Owner" or "Admin";
}
