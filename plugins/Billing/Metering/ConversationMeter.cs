using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Periods;
using Sahut.Plugins.Billing.Plans;
using Sahut.Plugins.Billing.Subscriptions;

namespace Sahut.Plugins.Billing.Metering;

/// <summary>
/// Counts a conversation once per period (created, or reopened after resolved) and sends the 80 %/100 % notices.
/// Nothing is ever blocked by the conversation limit.
/// </summary>
public sealed class ConversationMeter(
    BillingDb db,
    SubscriptionStore subscriptions,
    PlanCatalog plans,
    UsageNotifier notifier,
    TimeProvider time,
    ILogger<ConversationMeter> logger)
{
    /// <summary>Counts each of <paramref name="conversationIds"/> not yet counted in the current period, in one write.</summary>
    public async Task CountAsync(Guid workspaceId, IReadOnlyCollection<Guid> conversationIds, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.EnsureAsync(workspaceId, cancellationToken);
        if (subscription.IsEnded)
        {
            return;
        }

        var period = await subscriptions.CurrentPeriodAsync(subscription, cancellationToken);
        var now = time.Now();
        if (period.End <= now)
        {
            // The subscription is cancelled and its last period is over; the subscription-end job decides what comes next.
            logger.LogInformation("{Count} conversations opened after the last period of cancelled subscription {WorkspaceId}; not counted", conversationIds.Count, workspaceId);
            return;
        }

        var counted = await db.CountedConversations
            .Where(c => c.PeriodId == period.Id && conversationIds.Contains(c.ConversationId))
            .Select(c => c.ConversationId)
            .ToListAsync(cancellationToken);
        var fresh = conversationIds.Except(counted).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        if (!await TryAddAsync(period.Id, fresh, now, cancellationToken) && fresh.Count > 1)
        {
            // Another node counted some of them meanwhile: count the rest one by one.
            foreach (var conversationId in fresh)
            {
                await TryAddAsync(period.Id, [conversationId], now, cancellationToken);
            }
        }

        var usage = await UsageFigures.ForAsync(db, period, plans.Get(period.PlanKey), cancellationToken);
        await notifier.NotifyThresholdsAsync(period, usage, cancellationToken);
    }

    private async Task<bool> TryAddAsync(Guid periodId, IReadOnlyList<Guid> conversationIds, DateTime now, CancellationToken cancellationToken)
    {
        db.CountedConversations.AddRange(conversationIds.Select(id => new BillingCountedConversation { PeriodId = periodId, ConversationId = id, CountedAt = now }));
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
