using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Web.Localization;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Pages;

/// <summary>
/// Accepting an invitation link: a new person sets their password here; someone who already has an account proves it
/// with their password (or is already signed in). Existing members keep their role.
/// </summary>
public sealed class InviteModel(
    InviteLinks invites,
    WorkspaceService workspaces,
    SignInManager<SahutUser> signIn,
    FriendlyErrors errors,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public Workspace? Workspace { get; private set; }

    public WorkspaceRole Role { get; private set; }

    public string? SignedInEmail { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (Workspace is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var invite = await LoadAsync(token, cancellationToken);
        if (invite is null || Workspace is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var users = signIn.UserManager;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            var email = Email?.Trim() ?? "";
            user = await users.FindByEmailAsync(email);
            if (user is not null)
            {
                var check = await signIn.CheckPasswordSignInAsync(user, Password ?? "", lockoutOnFailure: true);
                if (!check.Succeeded)
                {
                    ModelState.AddModelError("", text[check.IsLockedOut ? "Login_LockedOut" : "Invite_ExistingAccount"]);
                    return Page();
                }
            }
            else
            {
                try
                {
                    user = await workspaces.AddMemberAsync(invite.WorkspaceId, email, Password, invite.Role, cancellationToken);
                }
                catch (SahutException refusal)
                {
                    ModelState.AddModelError("", errors.Describe(refusal));
                    return Page();
                }
            }
        }

        if (await workspaces.FindMembershipAsync(invite.WorkspaceId, user.Id, cancellationToken) is null)
        {
            await workspaces.AddMemberAsync(invite.WorkspaceId, user.Email!, null, invite.Role, cancellationToken);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        LanguageCookie.Write(Response, user.Language);
        return LocalRedirect($"/w/{invite.WorkspaceId}/inbox");
    }

    private async Task<Invite?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var invite = invites.Read(token);
        if (invite is null)
        {
            return null;
        }

        Workspace = await workspaces.FindAsync(invite.WorkspaceId, cancellationToken);
        Role = invite.Role;
        if (User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(User) is { } current)
        {
            SignedInEmail = current.Email;
        }

        return Workspace is null ? null : invite;
    }
}
