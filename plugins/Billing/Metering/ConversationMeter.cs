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
    public async Task CountAsync(Guid workspaceId, Guid conversationId, CancellationToken cancellationToken)
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
            logger.LogInformation("Conversation {ConversationId} opened after the last period of cancelled subscription {WorkspaceId}; not counted", conversationId, workspaceId);
            return;
        }

        if (await db.CountedConversations.AnyAsync(c => c.PeriodId == period.Id && c.ConversationId == conversationId, cancellationToken))
        {
            return;
        }

        db.CountedConversations.Add(new BillingCountedConversation { PeriodId = period.Id, ConversationId = conversationId, CountedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Counted concurrently (another node handled the same event).
            db.ChangeTracker.Clear();
            return;
        }

        var usage = await UsageFigures.ForAsync(db, period, plans.Get(period.PlanKey), cancellationToken);
        await notifier.NotifyThresholdsAsync(period, usage, cancellationToken);
    }
}
