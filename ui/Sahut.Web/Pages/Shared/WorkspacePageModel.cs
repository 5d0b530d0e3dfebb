using Microsoft.AspNetCore.Mvc.RazorPages;
using Sahut.Web.Security;

namespace Sahut.Web.Pages.Shared;

/// <summary>Base for pages under /w/{ws}: <see cref="WorkspaceAccessFilter"/> has checked access and set <see cref="Shell"/>.</summary>
public abstract class WorkspacePageModel : PageModel
{
    public WorkspaceShell Shell { get; set; } = null!;

    public WorkspaceCaller Caller => Shell.Caller;

    public Guid WorkspaceId => Shell.WorkspaceId;

    public Guid UserId => Shell.User.Id;

    /// <summary>A message shown once after a redirect (success or a refused action).</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Flash { get; set; }

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? FlashError { get; set; }

    /// <summary>Post/redirect/get back to the page the form was on.</summary>
    protected Microsoft.AspNetCore.Mvc.LocalRedirectResult BackToSamePage() => LocalRedirect(Request.Path + Request.QueryString);
}
