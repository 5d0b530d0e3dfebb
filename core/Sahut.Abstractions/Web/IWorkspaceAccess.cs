using Microsoft.AspNetCore.Http;

namespace Sahut.Web;

/// <summary>
/// The host's workspace access check for plugin endpoints: the caller's access to a workspace, or null when it has
/// none (answer 404 then, exactly like a workspace that does not exist).
/// </summary>
public interface IWorkspaceAccess
{
    /// <summary>The authorization policy of the host's API (bearer API token or session cookie); use it with RequireAuthorization.</summary>
    const string ApiPolicy = "Sahut";

    Task<WorkspaceAccessGrant?> ResolveAsync(HttpContext context, Guid workspaceId);
}

/// <summary>A caller's access to one workspace.</summary>
public sealed record WorkspaceAccessGrant(Guid WorkspaceId, Guid? UserId, bool IsAdmin);
