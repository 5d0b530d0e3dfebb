using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Web.Localization;

namespace Sahut.Web.Pages;

/// <summary>First run: only while there are no users; afterwards it sends people to the login page.</summary>
public sealed class SetupModel(SetupService setup, SignInManager<SahutUser> signIn, FriendlyErrors errors) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await setup.IsSetUpAsync(cancellationToken) ? LocalRedirect("/login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await setup.IsSetUpAsync(cancellationToken))
        {
            return LocalRedirect("/login");
        }

        try
        {
            var result = await setup.SetupAsync(Input.Workspace ?? "", Input.Email?.Trim() ?? "", Input.Password ?? "", cancellationToken);
            var user = await signIn.UserManager.FindByIdAsync(result.UserId.ToString());
            await signIn.SignInAsync(user!, isPersistent: false);
            return LocalRedirect($"/w/{result.WorkspaceId}/inbox");
        }
        catch (SahutException refusal)
        {
            ModelState.AddModelError("", errors.Describe(refusal));
            return Page();
        }
    }

    public sealed class SetupInput
    {
        public string? Workspace { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
