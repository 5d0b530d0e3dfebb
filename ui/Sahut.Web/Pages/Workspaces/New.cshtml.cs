using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Web.Localization;

namespace Sahut.Web.Pages.Workspaces;

/// <summary>Any signed-in person can create a workspace; they become its owner.</summary>
public sealed class NewWorkspaceModel(WorkspaceService workspaces, UserManager<SahutUser> users, FriendlyErrors errors) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string TimeZone { get; set; } = "Asia/Jakarta";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        try
        {
            var workspace = await workspaces.CreateAsync(Name ?? "", user.Id, TimeZone, cancellationToken);
            return LocalRedirect($"/w/{workspace.Id}/inbox");
        }
        catch (SahutException refusal)
        {
            ModelState.AddModelError("", errors.Describe(refusal));
            return Page();
        }
    }
}
