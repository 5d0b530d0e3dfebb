using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Periods;
using Sahut.Plugins.Billing.Plans;
using Sahut.Workspaces;

namespace Sahut.Plugins.Billing.Subscriptions;

/// <summary>What an owner or admin does on Settings → Billing: upgrade, top up, cancel, undo the cancel, subscribe again.</summary>
public sealed class SubscriptionCommands(
    BillingDb db,
    SubscriptionStore subscriptions,
    PlanCatalog plans,
    InvoiceBook invoices,
    IEnumerable<IWorkspaceActivation> activation,
    BillingText text,
    TimeProvider time,
    ILogger<SubscriptionCommands> logger)
{
    /// <summary>Moves to a dearer plan now: new limits at once, the price difference for the rest of the period charged.</summary>
    public async Task UpgradeAsync(Guid workspaceId, string planKey, CancellationToken cancellationToken)
    {
        var (subscription, period) = await ActiveAsync(workspaceId, cancellationToken);
        var current = plans.Get(period.PlanKey);
        if (!plans.TryGet(planKey ?? "", out var target))
        {
            throw new BillingRefusedException(400, text.Format("Error_UnknownPlan", planKey));
        }

        if (target.MonthlyPrice <= current.MonthlyPrice)
        {
            throw new BillingRefusedException(422, text.Format("Error_NotAnUpgrade", target.Name, current.Name));
        }

        var now = time.Now();
        var charge = PeriodClock.Prorate(target.MonthlyPrice - current.MonthlyPrice, period.Start, period.End, now);
        await invoices.AddLineAsync(period, InvoiceLineKinds.Upgrade, $"{current.Name} → {target.Name}", 1, charge, now, cancellationToken);
        period.PlanKey = planKey!;
        subscription.PlanKey = planKey!;
        subscription.CancelAtPeriodEnd = false;
        subscription.CancelRequestedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Workspace {WorkspaceId} upgraded {From} → {To}, prorated {Charge}", workspaceId, current.Name, target.Name, charge);
    }

    /// <summary>Buys <paramref name="count"/> top-ups for the current period.</summary>
    public async Task TopUpAsync(Guid workspaceId, int count, Guid? userId, CancellationToken cancellationToken)
    {
        var (_, period) = await ActiveAsync(workspaceId, cancellationToken);
        var plan = plans.Get(period.PlanKey);
        if (!plan.TopUpsAllowed || plan.TopUpSize <= 0)
        {
            throw new BillingRefusedException(422, text.Format("Error_NoTopUps", plan.Name));
        }

        if (count is < 1 or > 100)
        {
            throw new BillingRefusedException(400, text["Error_TopUpCount"]);
        }

        var now = time.Now();
        var conversations = plan.TopUpSize * count;
        db.TopUps.Add(new BillingTopUp { PeriodId = period.Id, WorkspaceId = workspaceId, Conversations = conversations, Price = plan.TopUpPrice * count, PurchasedBy = userId, PurchasedAt = now });
        await invoices.AddLineAsync(period, InvoiceLineKinds.TopUp, $"+{conversations}", count, plan.TopUpPrice * count, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Workspace {WorkspaceId} bought {Conversations} conversations", workspaceId, conversations);
    }

    /// <summary>"Batalkan Langganan": the workspace stays as it is until the period ends.</summary>
    public async Task CancelAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var (subscription, _) = await ActiveAsync(workspaceId, cancellationToken);
        if (subscription.CancelAtPeriodEnd)
        {
            throw new BillingRefusedException(409, text["Error_AlreadyCancelled"]);
        }

        subscription.CancelAtPeriodEnd = true;
        subscription.CancelRequestedAt = time.Now();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Workspace {WorkspaceId} cancelled its subscription at period end", workspaceId);
    }

    public async Task UndoCancelAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var (subscription, _) = await ActiveAsync(workspaceId, cancellationToken);
        if (!subscription.CancelAtPeriodEnd)
        {
            throw new BillingRefusedException(409, text["Error_NotCancelled"]);
        }

        subscription.CancelAtPeriodEnd = false;
        subscription.CancelRequestedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Workspace {WorkspaceId} undid its cancellation", workspaceId);
    }

    /// <summary>Subscribes an ended subscription again: a new period from now, and the workspace is active again.</summary>
    public async Task SubscribeAsync(Guid workspaceId, string planKey, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.EnsureAsync(workspaceId, cancellationToken);
        if (!subscription.IsEnded)
        {
            throw new BillingRefusedException(409, text["Error_AlreadySubscribed"]);
        }

        if (!plans.TryGet(planKey ?? "", out _))
        {
            throw new BillingRefusedException(400, text.Format("Error_UnknownPlan", planKey));
        }

        subscription.PlanKey = planKey!;
        subscription.EndedAt = null;
        subscription.CancelAtPeriodEnd = false;
        subscription.CancelRequestedAt = null;
        await subscriptions.StartPeriodAsync(subscription, time.Now(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var workspaces in activation)
        {
            await workspaces.SetActiveAsync(workspaceId, true, cancellationToken);
        }

        logger.LogInformation("Workspace {WorkspaceId} subscribed again to {Plan} and is active", workspaceId, planKey);
    }

    private async Task<(BillingSubscription Subscription, BillingPeriod Period)> ActiveAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.EnsureAsync(workspaceId, cancellationToken);
        if (subscription.IsEnded)
        {
            throw new BillingRefusedException(409, text["Error_Ended"]);
        }

        var period = await subscriptions.CurrentPeriodAsync(subscription, cancellationToken);
        if (db.Entry(subscription).State == EntityState.Detached)
        {
            subscription = await db.Subscriptions.FirstAsync(s => s.Id == subscription.Id, cancellationToken);
        }

        if (period.End <= time.Now())
        {
            throw new BillingRefusedException(409, text["Error_PeriodOver"]);
        }

        return (subscription, period);
    }
}
