using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Metering;
using Sahut.Plugins.Billing.Plans;
using Sahut.Plugins.Billing.Subscriptions;

namespace Sahut.Plugins.Billing.Periods;

/// <summary>
/// The period-end work: every period that has ended and is not closed gets its overage billed and is closed, in one
/// transaction guarded by ClosedAt (a concurrency token), so running twice, on two nodes or after downtime bills once.
/// Then subscriptions that go on roll into the period covering now.
/// </summary>
public sealed class PeriodCloser(
    BillingDb db,
    PlanCatalog plans,
    InvoiceBook invoices,
    SubscriptionStore subscriptions,
    TimeProvider time,
    ILogger<PeriodCloser> logger)
{
    public async Task<int> CloseDuePeriodsAsync(CancellationToken cancellationToken)
    {
        var now = time.Now();
        var dueIds = await db.Periods.AsNoTracking().Where(p => p.End <= now && p.ClosedAt == null).OrderBy(p => p.End).Select(p => p.Id).ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var periodId in dueIds)
        {
            if (await CloseAsync(periodId, now, cancellationToken))
            {
                closed++;
            }
        }

        var rolling = await db.Subscriptions.Where(s => s.EndedAt == null && !s.CancelAtPeriodEnd).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var subscriptionId in rolling)
        {
            db.ChangeTracker.Clear();
            var subscription = await db.Subscriptions.FirstAsync(s => s.Id == subscriptionId, cancellationToken);
            await subscriptions.CurrentPeriodAsync(subscription, cancellationToken);
        }

        return closed;
    }

    private async Task<bool> CloseAsync(Guid periodId, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var period = await db.Periods.FirstAsync(p => p.Id == periodId, cancellationToken);
        if (period.ClosedAt is not null)
        {
            return false;
        }

        var plan = plans.Get(period.PlanKey);
        var usage = await UsageFigures.ForAsync(db, period, plan, cancellationToken);
        if (usage.Overage > 0)
        {
            await invoices.AddLineAsync(period, InvoiceLineKinds.Overage, $"{usage.OverageConversations} × {BillingText.Rupiah(plan.OverageRate)}", usage.OverageConversations, usage.Overage, now, cancellationToken);
        }

        var invoice = await invoices.ForPeriodAsync(period, now, cancellationToken);
        invoice.FinalizedAt = now;
        period.ClosedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Period {PeriodId} was closed concurrently; not billed again", periodId);
            return false;
        }

        logger.LogInformation(
            "Closed period {PeriodId} of workspace {WorkspaceId}: {Used} conversations, allowance {Allowance}, overage {Overage}",
            period.Id, period.WorkspaceId, usage.Used, usage.Allowance, usage.Overage);
        return true;
    }
}
