using Microsoft.EntityFrameworkCore;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Tests.Infrastructure;

namespace Sahut.Tests.Accounts;

public sealed class ApiTokenServiceTests
{
    [Fact]
    public async Task Token_is_stored_only_as_a_hash_and_stops_working_when_revoked()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, owner, _) = await h.SeedWorkspaceAsync();

        var (token, secret) = await h.WithAsync<ApiTokenService, (ApiToken, string)>(s => s.CreateAsync(ws, "zapier", owner, CancellationToken.None));

        var stored = await h.DbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == token.Id));
        Assert.NotEqual(secret, stored.TokenHash);
        Assert.DoesNotContain(secret[6..], stored.TokenHash + stored.Prefix + stored.Name, StringComparison.Ordinal);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.Equal(ws, (await h.WithAsync<ApiTokenService, ApiToken?>(s => s.FindActiveAsync(secret, CancellationToken.None)))?.WorkspaceId);
        Assert.Null(await h.WithAsync<ApiTokenService, ApiToken?>(s => s.FindActiveAsync(secret + "x", CancellationToken.None)));

        await h.WithAsync<ApiTokenService>(s => s.RevokeAsync(ws, token.Id, CancellationToken.None));

        Assert.Null(await h.WithAsync<ApiTokenService, ApiToken?>(s => s.FindActiveAsync(secret, CancellationToken.None)));
    }

    [Fact]
    public async Task Revoking_another_workspaces_token_is_not_found()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, owner, _) = await h.SeedWorkspaceAsync("A");
        var (other, _, _) = await h.SeedWorkspaceAsync("B");
        var (token, secret) = await h.WithAsync<ApiTokenService, (ApiToken, string)>(s => s.CreateAsync(ws, "ci", owner, CancellationToken.None));

        await Assert.ThrowsAsync<Errors.NotFoundException>(() => h.WithAsync<ApiTokenService>(s => s.RevokeAsync(other, token.Id, CancellationToken.None)));
        Assert.NotNull(await h.WithAsync<ApiTokenService, ApiToken?>(s => s.FindActiveAsync(secret, CancellationToken.None)));
    }
}
