using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sahut.Accounts;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Pages.W.Settings;

public sealed class ProfileModel(WorkspaceService workspaces, IStringLocalizer<SharedResource> text) : WorkspacePageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    public void OnGet()
    {
        Name = Shell.Workspace.Name;
        TimeZone = Shell.Workspace.TimeZone;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await workspaces.UpdateProfileAsync(WorkspaceId, Name ?? "", TimeZone ?? "", cancellationToken);
        Flash = text["Common_Saved"];
        return BackToSamePage();
    }
}
