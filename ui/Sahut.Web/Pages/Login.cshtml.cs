using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Web.Localization;

namespace Sahut.Web.Pages;

public sealed class LoginModel(SignInManager<SahutUser> signIn, SetupService setup, IStringLocalizer<SharedResource> text, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await setup.IsSetUpAsync(cancellationToken) ? Page() : LocalRedirect("/setup");

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Input.Email?.Trim() ?? "";
        var result = await signIn.PasswordSignInAsync(email, Input.Password ?? "", Input.Remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await signIn.UserManager.FindByNameAsync(email);
            LanguageCookie.Write(Response, user?.Language);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in locked out for {Email}", email);
            ModelState.AddModelError("", text["Login_LockedOut"]);
        }
        else
        {
            ModelState.AddModelError("", text["Login_Failed"]);
        }

        return Page();
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool Remember { get; set; }
    }
}
