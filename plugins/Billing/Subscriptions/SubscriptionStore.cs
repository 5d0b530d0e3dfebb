using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Periods;
using Sahut.Plugins.Billing.Plans;

namespace Sahut.Plugins.Billing.Subscriptions;

/// <summary>
/// Finds a workspace's subscription and its current period, creating them when missing: a workspace meets billing on
/// its first billing event and starts on the default plan then. Periods roll here too (idempotent through the unique
/// (subscription, start) index), so counting never waits for the period-end job.
/// </summary>
public sealed class SubscriptionStore(BillingDb db, PlanCatalog plans, InvoiceBook invoices, TimeProvider time, ILogger<SubscriptionStore> logger)
{
    public async Task<BillingSubscription> EnsureAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        if (await db.Subscriptions.FirstOrDefaultAsync(s => s.WorkspaceId == workspaceId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = time.Now();
        var subscription = new BillingSubscription { WorkspaceId = workspaceId, PlanKey = plans.DefaultPlanKey, CreatedAt = now };
        db.Subscriptions.Add(subscription);
        await StartPeriodAsync(subscription, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Workspace {WorkspaceId} subscribed to {Plan}", workspaceId, subscription.PlanKey);
            return subscription;
        }
        catch (DbUpdateException)
        {
            // Another request created it first.
            db.ChangeTracker.Clear();
            return await db.Subscriptions.FirstAsync(s => s.WorkspaceId == workspaceId, cancellationToken);
        }
    }

    /// <summary>The latest period, rolled forward to cover now unless the subscription is ending or has ended.</summary>
    public async Task<BillingPeriod> CurrentPeriodAsync(BillingSubscription subscription, CancellationToken cancellationToken)
    {
        var now = time.Now();
        var period = await LatestPeriodAsync(subscription.Id, cancellationToken);
        if (period.End > now || subscription.CancelAtPeriodEnd || subscription.IsEnded)
        {
            return period;
        }

        try
        {
            while (period.End <= now)
            {
                period = await StartPeriodAsync(subscription, period.End, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            period = await LatestPeriodAsync(subscription.Id, cancellationToken);
        }

        return period;
    }

    public Task<BillingPeriod> LatestPeriodAsync(Guid subscriptionId, CancellationToken cancellationToken) =>
        db.Periods.Where(p => p.SubscriptionId == subscriptionId).OrderByDescending(p => p.Start).FirstAsync(cancellationToken);

    /// <summary>Adds a period on the subscription's plan from <paramref name="start"/>, with the plan's charge on its invoice. Not saved.</summary>
    public async Task<BillingPeriod> StartPeriodAsync(BillingSubscription subscription, DateTime start, CancellationToken cancellationToken)
    {
        var plan = plans.Get(subscription.PlanKey);
        var period = new BillingPeriod
        {
            SubscriptionId = subscription.Id,
            WorkspaceId = subscription.WorkspaceId,
            PlanKey = subscription.PlanKey,
            Start = start,
            End = PeriodClock.EndOf(start),
        };
        db.Periods.Add(period);
        await invoices.AddLineAsync(period, InvoiceLineKinds.Plan, plan.Name, 1, plan.MonthlyPrice, time.Now(), cancellationToken);
        return period;
    }
}
