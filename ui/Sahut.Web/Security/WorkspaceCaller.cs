using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Errors;

namespace Sahut.Web.Security;

/// <summary>
/// Who is calling, in which workspace, with what role. Binding it from a route's <c>{ws}</c> is the access check:
/// a workspace the caller does not belong to answers 404, exactly like one that does not exist.
/// </summary>
public sealed record WorkspaceCaller(Guid WorkspaceId, Guid? UserId, WorkspaceRole Role, bool IsApiToken)
{
    public bool IsAdmin => Role >= WorkspaceRole.Admin;

    public static async ValueTask<WorkspaceCaller?> BindAsync(HttpContext context)
    {
        if (context.GetRouteValue("ws") is not string raw || !Guid.TryParse(raw, out var workspaceId))
        {
            throw new NotFoundException("Workspace");
        }

        return await ResolveAsync(context, workspaceId) ?? throw new NotFoundException("Workspace");
    }

    /// <summary>The caller's access to a workspace, or null when it has none.</summary>
    public static async Task<WorkspaceCaller?> ResolveAsync(HttpContext context, Guid workspaceId)
    {
        var user = context.User;
        if (user.FindFirstValue(SahutClaims.WorkspaceId) is { } tokenWorkspace)
        {
            // API tokens act with admin rights inside their own workspace only.
            return Guid.TryParse(tokenWorkspace, out var id) && id == workspaceId
                ? new WorkspaceCaller(workspaceId, null, WorkspaceRole.Admin, IsApiToken: true)
                : null;
        }

        var userManager = context.RequestServices.GetRequiredService<UserManager<SahutUser>>();
        if (userManager.GetUserId(user) is not { } userIdText || !Guid.TryParse(userIdText, out var userId))
        {
            return null;
        }

        var workspaces = context.RequestServices.GetRequiredService<WorkspaceService>();
        var membership = await workspaces.FindMembershipAsync(workspaceId, userId, context.RequestAborted);
        return membership is null ? null : new WorkspaceCaller(workspaceId, userId, membership.Role, IsApiToken: false);
    }

    /// <summary>Refuses (403) callers below admin.</summary>
    public void EnsureAdmin()
    {
        if (!IsAdmin)
        {
            throw new ForbiddenException("Only workspace owners and admins may do this.");
        }
    }
}
