using Microsoft.EntityFrameworkCore;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Metering;
using Sahut.Plugins.Billing.Periods;
using Sahut.Plugins.Billing.Plans;

namespace Sahut.Plugins.Billing.Subscriptions;

/// <summary>Reads a workspace's plan, period, usage and invoices.</summary>
public sealed class BillingQueries(BillingDb db, SubscriptionStore subscriptions, PlanCatalog plans, TimeProvider time)
{
    public async Task<BillingOverview> OverviewAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.EnsureAsync(workspaceId, cancellationToken);
        var period = await subscriptions.CurrentPeriodAsync(subscription, cancellationToken);
        var plan = plans.Get(period.PlanKey);
        var usage = await UsageFigures.ForAsync(db, period, plan, cancellationToken);
        var now = time.Now();
        var status = subscription.IsEnded ? BillingOverview.Ended : subscription.CancelAtPeriodEnd ? BillingOverview.Cancelling : BillingOverview.Active;
        var offers = plans.All
            .Select(p => new BillingPlanOffer(p.Key, p.Value.Name, p.Value.MonthlyPrice, p.Value.ChannelLimit, p.Value.ConversationLimit, p.Value.OverageRate,
                IsCurrent: string.Equals(p.Key, period.PlanKey, StringComparison.OrdinalIgnoreCase) && !subscription.IsEnded,
                IsUpgrade: !subscription.IsEnded && p.Value.MonthlyPrice > plan.MonthlyPrice))
            .ToList();
        return new BillingOverview(
            period.PlanKey,
            plan.Name,
            status,
            period.Start,
            period.End,
            subscription.IsEnded ? 0 : PeriodClock.DaysLeft(period.End, now),
            usage.Used,
            usage.Limit,
            usage.TopUps,
            usage.Allowance,
            usage.Percent,
            plan.ChannelLimit,
            plan.MonthlyPrice,
            plan.OverageRate,
            usage.Overage,
            subscription.CancelAtPeriodEnd,
            subscription.CancelAtPeriodEnd ? PlanAfterCancel(subscription) : null,
            plan.TopUpsAllowed && plan.TopUpSize > 0 && !subscription.IsEnded ? new BillingTopUpOffer(plan.TopUpSize, plan.TopUpPrice) : null,
            offers);
    }

    public async Task<IReadOnlyList<BillingInvoiceView>> InvoicesAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var rows = await db.Invoices.AsNoTracking().Include(i => i.Lines)
            .Where(i => i.WorkspaceId == workspaceId)
            .Join(db.Periods, i => i.PeriodId, p => p.Id, (i, p) => new { Invoice = i, p.Start, p.End })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Start)
            .Select(r => new BillingInvoiceView(
                r.Invoice.Id, r.Invoice.Number, r.Start, r.End, r.Invoice.FinalizedAt is not null, r.Invoice.Total,
                r.Invoice.Lines.OrderBy(l => l.CreatedAt).Select(l => new BillingInvoiceLineView(l.Kind, l.Description, l.Quantity, l.Amount)).ToList()))
            .ToList();
    }

    private string? PlanAfterCancel(BillingSubscription subscription) =>
        plans.FreePlanKey is { } free && !string.Equals(free, subscription.PlanKey, StringComparison.OrdinalIgnoreCase) ? plans.Get(free).Name : null;
}
