using Microsoft.AspNetCore.Mvc;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Pages.W.Settings;

public sealed class SettingsIndexModel : WorkspacePageModel
{
    public IActionResult OnGet() => LocalRedirect($"/w/{WorkspaceId}/settings/profile");
}
