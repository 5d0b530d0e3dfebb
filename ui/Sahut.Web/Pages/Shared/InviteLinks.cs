using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Sahut.Domain;

namespace Sahut.Web.Pages.Shared;

/// <summary>
/// Invitation links without an invitations table: the workspace, role and expiry are sealed with ASP.NET Data Protection,
/// so a link cannot be forged or changed and stops working after <see cref="Lifetime"/>.
/// </summary>
public sealed class InviteLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector protector = protection.CreateProtector("Sahut.Invite.v1");

    public string CreateToken(Guid workspaceId, WorkspaceRole role)
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        return protector.Protect(FormattableString.Invariant($"{workspaceId:N}|{(int)role}|{expires}"));
    }

    public Invite? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 3
            || !Guid.TryParseExact(parts[0], "N", out var workspaceId)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var role)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        return expiresAt < time.GetUtcNow() ? null : new Invite(workspaceId, (WorkspaceRole)role, expiresAt);
    }
}

public sealed record Invite(Guid WorkspaceId, WorkspaceRole Role, DateTimeOffset ExpiresAt);
