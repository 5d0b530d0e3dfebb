using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sahut.Accounts;
using Sahut.Domain;

namespace Sahut.Web.Pages;

/// <summary>"/" takes a person to the workspace they last used, else their first one, else to create one.</summary>
public sealed class IndexModel(UserManager<SahutUser> users, WorkspaceService workspaces) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var memberships = await workspaces.ListForUserAsync(user.Id, cancellationToken);
        var target = memberships.FirstOrDefault(m => m.WorkspaceId == user.LastWorkspaceId) ?? memberships.FirstOrDefault();
        return target is null ? LocalRedirect("/workspaces/new") : LocalRedirect($"/w/{target.WorkspaceId}/inbox");
    }
}
