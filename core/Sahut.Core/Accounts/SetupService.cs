using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Errors;

namespace Sahut.Accounts;

/// <summary>First run: the first owner, their workspace and an API token.</summary>
public sealed class SetupService(SahutDbContext db, UserManager<SahutUser> users, WorkspaceService workspaces, ApiTokenService tokens, TimeProvider time)
{
    public Task<bool> IsSetUpAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    public async Task<SetupResult> SetupAsync(string workspaceName, string email, string password, CancellationToken cancellationToken)
    {
        if (await IsSetUpAsync(cancellationToken))
        {
            throw new RuleViolationException("already-set-up", "Sahut is already set up; add people with 'member add' or from Settings → Members.");
        }

        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            throw InputValidationException.For("email", "A valid email address is required.");
        }

        if (string.IsNullOrWhiteSpace(workspaceName))
        {
            throw InputValidationException.For("workspace", "A workspace needs a name.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new SahutUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.UtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InputValidationException(
                new Dictionary<string, string[]> { ["password"] = created.Errors.Select(e => e.Description).ToArray() },
                string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var workspace = await workspaces.CreateAsync(workspaceName, user.Id, null, cancellationToken);
        user.LastWorkspaceId = workspace.Id;
        await users.UpdateAsync(user);
        var (_, secret) = await tokens.CreateAsync(workspace.Id, "setup", user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SetupResult(workspace.Id, user.Id, secret);
    }
}

public sealed record SetupResult(Guid WorkspaceId, Guid UserId, string ApiToken);
