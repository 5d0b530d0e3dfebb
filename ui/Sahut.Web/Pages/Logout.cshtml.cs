using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sahut.Domain;

namespace Sahut.Web.Pages;

/// <summary>Logging out is a POST (with antiforgery), so a link on another site cannot sign people out.</summary>
public sealed class LogoutModel(SignInManager<SahutUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/login");
    }
}
