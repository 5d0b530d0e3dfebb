using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Pages.W.Settings;

/// <summary>Workspace API tokens. A new token's secret is rendered in the POST response only, never stored or shown again.</summary>
public sealed class TokensModel(ApiTokenService tokens, IStringLocalizer<SharedResource> text) : WorkspacePageModel
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>Carried across the redirect once (in the encrypted TempData cookie), so a reload never shows it again or makes another token.</summary>
    [TempData]
    public string? NewSecret { get; set; }

    [TempData]
    public string? NewName { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListAsync(WorkspaceId, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken cancellationToken)
    {
        var (token, secret) = await tokens.CreateAsync(WorkspaceId, name ?? "", UserId, cancellationToken);
        NewSecret = secret;
        NewName = token.Name;
        return BackToSamePage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        await tokens.RevokeAsync(WorkspaceId, tokenId, cancellationToken);
        Flash = text["Tokens_Revoked"];
        return BackToSamePage();
    }
}
