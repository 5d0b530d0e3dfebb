using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Web;

namespace Sahut.Plugins.Reports.Exports;

/// <summary>Only a workspace's owners and admins (and its API tokens) export: 401 anonymous, 404 not a member, 403 an agent.</summary>
internal static class ReportsAccess
{
    public static async Task<(WorkspaceAccessInfo? Caller, IResult? Refusal)> AdminAsync(HttpContext context, Guid workspaceId)
    {
        var caller = await context.RequestServices.GetRequiredService<IWorkspaceAccess>().ResolveAsync(context, workspaceId);
        if (caller is null)
        {
            return (null, context.User.Identity?.IsAuthenticated == true
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Workspace not found")
                : Results.Unauthorized());
        }

        return caller.IsAdmin
            ? (caller, null)
            : (caller, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only workspace owners and admins may export."));
    }
}
