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
    protected Microsoft.AspNetCore.Mvc.LocalRedirectResult BackToSamePage() => LocalRedirect(SamePageUrl(Request));

    /// <summary>The current URL without the page-handler selector, so the redirect lands on the page's GET.</summary>
    public static string SamePageUrl(HttpRequest request)
    {
        var query = request.Query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.Path, query);
    }
}
