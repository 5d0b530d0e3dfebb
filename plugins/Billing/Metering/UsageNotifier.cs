using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sahut.Notifications;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Plans;

namespace Sahut.Plugins.Billing.Metering;

/// <summary>
/// The 80 % and 100 % notices: the marker row (unique per period and threshold) is written first, so each notice goes
/// out at most once per period even with several nodes; then owners and admins get it in-app and by email.
/// </summary>
public sealed class UsageNotifier(
    BillingDb db,
    PlanCatalog plans,
    IEnumerable<INotificationSender> senders,
    BillingText text,
    TimeProvider time,
    ILogger<UsageNotifier> logger)
{
    public static readonly int[] Thresholds = [80, 100];

    public async Task NotifyThresholdsAsync(BillingPeriod period, UsageFigures usage, CancellationToken cancellationToken)
    {
        if (usage.Percent is not { } percent)
        {
            return;
        }

        foreach (var threshold in Thresholds.Where(t => percent >= t))
        {
            if (!await TryMarkAsync(period.Id, threshold, cancellationToken))
            {
                continue;
            }

            logger.LogInformation("Workspace {WorkspaceId} reached {Threshold}% of its conversations ({Used}/{Allowance})", period.WorkspaceId, threshold, usage.Used, usage.Allowance);
            var plan = plans.Get(period.PlanKey);
            var body = text.Format($"Notice_{threshold}_Body", usage.Used, usage.Allowance, plan.Name, period.End.ToString("yyyy-MM-dd"), BillingText.Rupiah(plan.OverageRate));
            var notice = new WorkspaceNotice(
                period.WorkspaceId,
                $"billing.usage-{threshold}",
                text.Format($"Notice_{threshold}_Text", usage.Used, usage.Allowance),
                BillingPaths.Page(period.WorkspaceId),
                text.Format($"Notice_{threshold}_Subject", usage.Used, usage.Allowance),
                body);
            foreach (var sender in senders)
            {
                await sender.NotifyAdminsAsync(notice, cancellationToken);
            }
        }
    }

    /// <summary>Whether every threshold's notice of the period has been sent (they are sent once per period).</summary>
    public async Task<bool> AllSentAsync(Guid periodId, CancellationToken cancellationToken) =>
        await db.UsageNotices.CountAsync(n => n.PeriodId == periodId, cancellationToken) >= Thresholds.Length;

    private async Task<bool> TryMarkAsync(Guid periodId, int threshold, CancellationToken cancellationToken)
    {
        if (await db.UsageNotices.AnyAsync(n => n.PeriodId == periodId && n.Threshold == threshold, cancellationToken))
        {
            return false;
        }

        db.UsageNotices.Add(new BillingUsageNotice { PeriodId = periodId, Threshold = threshold, SentAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
