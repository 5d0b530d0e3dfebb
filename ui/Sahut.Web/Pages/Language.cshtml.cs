using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sahut.Domain;
using Sahut.Web.Localization;

namespace Sahut.Web.Pages;

/// <summary>Switches the UI language: a cookie for this browser, and the signed-in user's preference for every browser.</summary>
public sealed class LanguageModel(UserManager<SahutUser> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? lang, string? returnUrl)
    {
        var language = UiCultures.Normalize(lang);
        LanguageCookie.Write(Response, language);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.Language != language)
        {
            user.Language = language;
            await users.UpdateAsync(user);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
