using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Periods;
using Sahut.Plugins.Billing.Plans;
using Sahut.Workspaces;

namespace Sahut.Plugins.Billing.Subscriptions;

/// <summary>
/// The subscription-end work: a cancelled subscription whose period is over moves to the free plan (a new period from
/// the old end), or, with no free plan, ends and its workspace is deactivated (read-only; nothing deleted). Once applied
/// the subscription no longer matches, so running again changes nothing.
/// </summary>
public sealed class CancellationApplier(
    BillingDb db,
    PlanCatalog plans,
    SubscriptionStore subscriptions,
    IEnumerable<IWorkspaceActivation> activation,
    TimeProvider time,
    ILogger<CancellationApplier> logger)
{
    public async Task<int> ApplyDueAsync(CancellationToken cancellationToken)
    {
        var now = time.Now();
        var cancelling = await db.Subscriptions.AsNoTracking().Where(s => s.EndedAt == null && s.CancelAtPeriodEnd).Select(s => s.Id).ToListAsync(cancellationToken);
        var applied = 0;
        foreach (var subscriptionId in cancelling)
        {
            db.ChangeTracker.Clear();
            var subscription = await db.Subscriptions.FirstAsync(s => s.Id == subscriptionId, cancellationToken);
            var period = await subscriptions.LatestPeriodAsync(subscription.Id, cancellationToken);
            if (!subscription.CancelAtPeriodEnd || period.End > now)
            {
                continue;
            }

            subscription.CancelAtPeriodEnd = false;
            subscription.CancelRequestedAt = null;
            if (plans.FreePlanKey is { } free && !string.Equals(subscription.PlanKey, free, StringComparison.OrdinalIgnoreCase))
            {
                subscription.PlanKey = free;
                await subscriptions.StartPeriodAsync(subscription, period.End, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await subscriptions.CurrentPeriodAsync(subscription, cancellationToken);
                logger.LogInformation("Workspace {WorkspaceId} moved to the free plan {Plan} at period end", subscription.WorkspaceId, free);
            }
            else
            {
                // Deactivate first: if saving the subscription then fails, the next run finds it still due and does both again.
                foreach (var workspaces in activation)
                {
                    await workspaces.SetActiveAsync(subscription.WorkspaceId, false, cancellationToken);
                }

                subscription.EndedAt = period.End;
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Workspace {WorkspaceId} subscription ended; workspace deactivated", subscription.WorkspaceId);
            }

            applied++;
        }

        return applied;
    }
}
