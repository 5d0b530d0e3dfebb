using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Pages.W.Settings;

/// <summary>Members, their roles, and invitation links. Only owners may make or unmake owners.</summary>
public sealed class MembersModel(WorkspaceService workspaces, InviteLinks invites, IStringLocalizer<SharedResource> text) : WorkspacePageModel
{
    public IReadOnlyList<Membership> Members { get; private set; } = [];

    /// <summary>The invitation link just created; shown on this response only.</summary>
    public string? InviteUrl { get; private set; }

    public WorkspaceRole InviteRole { get; private set; } = WorkspaceRole.Agent;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Members = await workspaces.ListMembersAsync(WorkspaceId, cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(WorkspaceRole role, CancellationToken cancellationToken)
    {
        EnsureMayGrant(role);
        InviteRole = role;
        var token = invites.CreateToken(WorkspaceId, role);
        InviteUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/invite/{token}";
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid userId, WorkspaceRole role, CancellationToken cancellationToken)
    {
        var member = await workspaces.FindMembershipAsync(WorkspaceId, userId, cancellationToken) ?? throw new NotFoundException("Member");
        EnsureMayGrant(member.Role);
        EnsureMayGrant(role);
        await workspaces.ChangeRoleAsync(WorkspaceId, userId, role, cancellationToken);
        Flash = text["Common_Saved"];
        return BackToSamePage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var member = await workspaces.FindMembershipAsync(WorkspaceId, userId, cancellationToken) ?? throw new NotFoundException("Member");
        EnsureMayGrant(member.Role);
        await workspaces.RemoveMemberAsync(WorkspaceId, userId, cancellationToken);
        Flash = text["Members_Removed"];
        return BackToSamePage();
    }

    public bool MayManage(WorkspaceRole role) => role != WorkspaceRole.Owner || Caller.Role == WorkspaceRole.Owner;

    private void EnsureMayGrant(WorkspaceRole role)
    {
        if (!MayManage(role))
        {
            throw new ForbiddenException("Only owners may grant or change the owner role.");
        }
    }
}
