using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sahut.Data;
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
    IDbContextConfigurer database,
    SqliteWriteGate gate,
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

        int added;
        using (await gate.EnterAsync(cancellationToken))
        {
            added = await AddUncountedAsync(period.Id, conversationIds, now, cancellationToken);
        }

        // The usage count reads every conversation the period has counted, so it is taken only while a notice may still
        // be due: not on an unlimited plan, nor once both notices of the period have gone out.
        var plan = plans.Get(period.PlanKey);
        if (added == 0 || plan.ConversationLimit is null || await notifier.AllSentAsync(period.Id, cancellationToken))
        {
            return;
        }

        var usage = await UsageFigures.ForAsync(db, period, plan, cancellationToken);
        await notifier.NotifyThresholdsAsync(period, usage, cancellationToken);
    }

    /// <summary>
    /// One INSERT of the whole list that skips what the period has counted already (by this node or another):
    /// EF's change tracking took ~50 ms per thousand conversations, holding SQLite's write lock meanwhile.
    /// </summary>
    private Task<int> AddUncountedAsync(Guid periodId, IReadOnlyCollection<Guid> conversationIds, DateTime now, CancellationToken cancellationToken) =>
        string.Equals(database.Provider, DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase)
            ? db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Billing_CountedConversations" ("PeriodId", "ConversationId", "CountedAt")
                SELECT {0}, id, {1} FROM unnest({2}) AS id ON CONFLICT DO NOTHING
                """,
                [periodId, now, conversationIds.ToArray()],
                cancellationToken)
            // SQLite keeps Guids as upper-case text; "WHERE true" lets its parser tell the upsert clause from a join.
            : db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Billing_CountedConversations" ("PeriodId", "ConversationId", "CountedAt")
                SELECT {0}, "value", {1} FROM json_each({2}) WHERE true ON CONFLICT DO NOTHING
                """,
                [periodId, now, JsonSerializer.Serialize(conversationIds.Select(id => id.ToString().ToUpperInvariant()))],
                cancellationToken);
}
