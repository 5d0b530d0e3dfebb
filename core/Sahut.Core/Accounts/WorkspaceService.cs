using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Errors;

namespace Sahut.Accounts;

/// <summary>Workspaces and their members.</summary>
public sealed class WorkspaceService(SahutDbContext db, UserManager<SahutUser> users, TimeProvider time)
{
    public async Task<Workspace> CreateAsync(string name, Guid ownerId, string? timeZone, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw InputValidationException.For("name", "A workspace needs a name.");
        }

        var zone = timeZone ?? "Asia/Jakarta";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw InputValidationException.For("timeZone", $"Unknown time zone '{zone}'.");
        }

        var workspace = new Workspace { Name = name.Trim(), TimeZone = zone, CreatedAt = time.UtcNow() };
        db.Workspaces.Add(workspace);
        db.Memberships.Add(new Membership { WorkspaceId = workspace.Id, UserId = ownerId, Role = WorkspaceRole.Owner, CreatedAt = time.UtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return workspace;
    }

    public Task<Workspace?> FindAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        db.Workspaces.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workspaceId, cancellationToken);

    public Task<Membership?> FindMembershipAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken);

    public Task<List<Membership>> ListForUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Include(m => m.Workspace).Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);

    public Task<List<Membership>> ListMembersAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Include(m => m.User).Where(m => m.WorkspaceId == workspaceId).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Adds a user (created with the password when new) to a workspace; an existing member gets the new role.</summary>
    public async Task<SahutUser> AddMemberAsync(Guid workspaceId, string email, string? password, WorkspaceRole role, CancellationToken cancellationToken)
    {
        _ = await db.Workspaces.FirstOrDefaultAsync(w => w.Id == workspaceId, cancellationToken) ?? throw new NotFoundException("Workspace");
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            if (string.IsNullOrEmpty(password))
            {
                throw InputValidationException.For("password", "A new user needs a password.");
            }

            user = new SahutUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.UtcNow() };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InputValidationException(
                    created.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
                        .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()),
                    string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }

        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == user.Id, cancellationToken);
        if (membership is null)
        {
            db.Memberships.Add(new Membership { WorkspaceId = workspaceId, UserId = user.Id, Role = role, CreatedAt = time.UtcNow() });
        }
        else
        {
            membership.Role = role;
        }

        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Renames a workspace and sets its time zone (an IANA or Windows id the system knows).</summary>
    public async Task UpdateProfileAsync(Guid workspaceId, string name, string timeZone, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw InputValidationException.For("name", "A workspace needs a name.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw InputValidationException.For("timeZone", $"Unknown time zone '{timeZone}'.");
        }

        var workspace = await db.Workspaces.FirstOrDefaultAsync(w => w.Id == workspaceId, cancellationToken) ?? throw new NotFoundException("Workspace");
        workspace.Name = name.Trim();
        workspace.TimeZone = timeZone;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Changes a member's role; a workspace always keeps at least one owner.</summary>
    public async Task ChangeRoleAsync(Guid workspaceId, Guid userId, WorkspaceRole role, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("Member");
        if (membership.Role == WorkspaceRole.Owner && role != WorkspaceRole.Owner)
        {
            await EnsureAnotherOwnerAsync(workspaceId, userId, cancellationToken);
        }

        membership.Role = role;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes a member from the workspace (the user account stays); the last owner cannot be removed.</summary>
    public async Task RemoveMemberAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("Member");
        if (membership.Role == WorkspaceRole.Owner)
        {
            await EnsureAnotherOwnerAsync(workspaceId, userId, cancellationToken);
        }

        // Their conversations go back to the unassigned queue rather than to someone who can no longer see them.
        await db.Conversations.Where(c => c.WorkspaceId == workspaceId && c.AssigneeId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.AssigneeId, (Guid?)null), cancellationToken);
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureAnotherOwnerAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken)
    {
        if (!await db.Memberships.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId != userId && m.Role == WorkspaceRole.Owner, cancellationToken))
        {
            throw new RuleViolationException("last-owner", "A workspace needs at least one owner.");
        }
    }
}
