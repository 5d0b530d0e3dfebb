using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Team;

/// <summary>A user's in-app notifications (mentions, billing alerts) within one workspace.</summary>
public sealed class NotificationService(SahutDbContext db, TimeProvider time)
{
    public const int PageSize = 30;

    public Task<List<Notification>> ListAsync(Guid workspaceId, Guid userId, bool unreadOnly, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.WorkspaceId == workspaceId && n.UserId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        return query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellationToken);
    }

    public Task<int> UnreadCountAsync(Guid workspaceId, Guid userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.WorkspaceId == workspaceId && n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>Marks the given notifications (or all when <paramref name="ids"/> is null) read; returns how many changed.</summary>
    public Task<int> MarkReadAsync(Guid workspaceId, Guid userId, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var query = db.Notifications.Where(n => n.WorkspaceId == workspaceId && n.UserId == userId && n.ReadAt == null);
        if (ids is not null)
        {
            query = query.Where(n => ids.Contains(n.Id));
        }

        return query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>Opening what a notification points at (e.g. the mentioning conversation) reads it.</summary>
    public Task<int> MarkReadForLinkAsync(Guid workspaceId, Guid userId, string link, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        return db.Notifications.Where(n => n.WorkspaceId == workspaceId && n.UserId == userId && n.ReadAt == null && n.Link == link)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
