using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Errors;

namespace Sahut.Accounts;

/// <summary>Creates, checks and revokes workspace API tokens. Tokens are random; only their SHA-256 is stored.</summary>
public sealed class ApiTokenService(SahutDbContext db, TimeProvider time)
{
    private const string TokenPrefix = "sahut_";

    public async Task<(ApiToken Token, string Secret)> CreateAsync(Guid workspaceId, string name, Guid? createdBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw InputValidationException.For("name", "A token needs a name.");
        }

        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            WorkspaceId = workspaceId,
            Name = name.Trim(),
            TokenHash = Hash(secret),
            Prefix = secret[..(TokenPrefix.Length + 6)],
            CreatedByUserId = createdBy,
            CreatedAt = time.UtcNow(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The live token with this secret, or null.</summary>
    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(secret);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Workspaces, t => t.WorkspaceId, w => w.Id, (t, w) => t)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<List<ApiToken>> ListAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        db.ApiTokens.AsNoTracking().Where(t => t.WorkspaceId == workspaceId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);

    public async Task RevokeAsync(Guid workspaceId, Guid tokenId, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.WorkspaceId == workspaceId, cancellationToken)
            ?? throw new NotFoundException("API token");
        token.RevokedAt ??= time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
