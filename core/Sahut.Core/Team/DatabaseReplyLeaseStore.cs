using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Team;

/// <summary>Reply leases as rows; taking one is a conditional update or an insert guarded by the primary key, so two nodes cannot both win.</summary>
internal sealed class DatabaseReplyLeaseStore(SahutDbContext db, TimeProvider time) : IReplyLeaseStore
{
    public async Task<LeaseState> AcquireAsync(Guid workspaceId, Guid conversationId, Guid userId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var expires = now + duration;
        var taken = await db.ReplyLeases
            .Where(l => l.ConversationId == conversationId && (l.UserId == userId || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UserId, userId).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        if (taken == 1)
        {
            return new LeaseState(conversationId, userId, expires, Granted: true);
        }

        if (await GetAsync(conversationId, cancellationToken) is { } held)
        {
            return held with { Granted = held.HolderId == userId };
        }

        var entry = db.ReplyLeases.Add(new ReplyLease { ConversationId = conversationId, WorkspaceId = workspaceId, UserId = userId, ExpiresAt = expires });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new LeaseState(conversationId, userId, expires, Granted: true);
        }
        catch (DbUpdateException)
        {
            // Someone inserted first; theirs stands. Only our row is forgotten: the caller's tracked entities (the
            // conversation being replied to) share this context and must survive.
            entry.State = EntityState.Detached;
            var winner = await GetAsync(conversationId, cancellationToken);
            return winner is null ? await AcquireAsync(workspaceId, conversationId, userId, duration, cancellationToken) : winner with { Granted = winner.HolderId == userId };
        }
    }

    public async Task<bool> ReleaseAsync(Guid conversationId, Guid userId, CancellationToken cancellationToken) =>
        await db.ReplyLeases.Where(l => l.ConversationId == conversationId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 1;

    public async Task<LeaseState?> GetAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var lease = await db.ReplyLeases.AsNoTracking().FirstOrDefaultAsync(l => l.ConversationId == conversationId && l.ExpiresAt > now, cancellationToken);
        return lease is null ? null : new LeaseState(lease.ConversationId, lease.UserId, lease.ExpiresAt, Granted: false);
    }

    public async Task<IReadOnlyList<LeaseState>> ActiveInAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        return await db.ReplyLeases.AsNoTracking()
            .Where(l => l.WorkspaceId == workspaceId && l.ExpiresAt > now)
            .Select(l => new LeaseState(l.ConversationId, l.UserId, l.ExpiresAt, false))
            .ToListAsync(cancellationToken);
    }
}
