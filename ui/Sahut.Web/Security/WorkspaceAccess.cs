using Microsoft.AspNetCore.Authentication;

namespace Sahut.Web.Security;

/// <summary>The host's <see cref="IWorkspaceAccess"/> for plugins: <see cref="WorkspaceCaller.ResolveAsync"/> behind the Abstractions contract.</summary>
internal sealed class WorkspaceAccess : IWorkspaceAccess
{
    public async Task<WorkspaceAccessInfo?> ResolveAsync(HttpContext context, Guid workspaceId)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            // Plugin endpoints may not carry the API policy; authenticate the way the API does (bearer token or cookie).
            var result = await context.AuthenticateAsync(AuthSchemes.Default);
            if (result.Succeeded)
            {
                context.User = result.Principal;
            }
        }

        var caller = await WorkspaceCaller.ResolveAsync(context, workspaceId);
        return caller is null ? null : new WorkspaceAccessInfo(caller.WorkspaceId, caller.UserId, caller.Role.ToString(), caller.IsApiToken);
    }
}
