using Microsoft.AspNetCore.Authentication;

namespace Sahut.Web.Security;

/// <summary>
/// Exposes <see cref="WorkspaceCaller"/>'s access check to plugin endpoints. A request nothing has authenticated yet is
/// authenticated the way the API does it (bearer API token or session cookie), so plugin routes need not name the
/// host's policy; a null answer for a caller who is still anonymous then means 401.
/// </summary>
internal sealed class WorkspaceAccess : IWorkspaceAccess
{
    public async Task<WorkspaceAccessInfo?> ResolveAsync(HttpContext context, Guid workspaceId)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            var result = await context.AuthenticateAsync(AuthSchemes.Default);
            if (result.Succeeded)
            {
                context.User = result.Principal;
            }
        }

        return await WorkspaceCaller.ResolveAsync(context, workspaceId) is { } caller
            ? new WorkspaceAccessInfo(caller.WorkspaceId, caller.UserId, caller.Role.ToString(), caller.IsApiToken)
            : null;
    }
}
