using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sahut.Web.Pages;

public sealed class ForbiddenModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
