using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Mail;

namespace Sahut.Notifications;

/// <summary>Stores an in-app notification for each owner and admin, then emails them; a mail failure is logged, the notifications stay.</summary>
public sealed class WorkspaceNotificationSender(
    SahutDbContext db,
    ISystemMailSender mail,
    TimeProvider time,
    ILogger<WorkspaceNotificationSender> logger) : INotificationSender
{
    public async Task NotifyAdminsAsync(WorkspaceNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var admins = await db.Memberships.AsNoTracking()
            .Where(m => m.WorkspaceId == notice.WorkspaceId && (m.Role == WorkspaceRole.Owner || m.Role == WorkspaceRole.Admin))
            .Select(m => new { m.UserId, m.User!.Email })
            .ToListAsync(cancellationToken);
        var now = time.UtcNow();
        foreach (var admin in admins)
        {
            db.Notifications.Add(new Notification
            {
                WorkspaceId = notice.WorkspaceId,
                UserId = admin.UserId,
                Kind = notice.Kind,
                Text = notice.Text,
                Link = notice.Link,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        var addresses = admins.Select(a => a.Email).OfType<string>().ToList();
        try
        {
            await mail.SendAsync(new SystemMail(addresses, notice.EmailSubject, notice.EmailBody), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not email notice {Kind} for workspace {WorkspaceId}", notice.Kind, notice.WorkspaceId);
        }
    }
}
