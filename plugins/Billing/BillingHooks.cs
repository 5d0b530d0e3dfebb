using Sahut.Billing;
using Sahut.Plugins.Billing.Metering;
using Sahut.Plugins.Billing.Plans;
using Sahut.Plugins.Billing.Subscriptions;

namespace Sahut.Plugins.Billing;

/// <summary>What the core asks billing: may a channel be connected, a conversation was opened, the plan and usage.</summary>
public sealed class BillingHooks(SubscriptionStore subscriptions, MeteringQueue metering, BillingQueries queries, PlanCatalog plans, BillingText text) : IBillingHooks
{
    public async Task<BillingDecision> CanConnectChannelAsync(Guid workspaceId, int connectedChannels, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.EnsureAsync(workspaceId, cancellationToken);
        if (subscription.IsEnded)
        {
            return BillingDecision.Refuse(text["Error_Ended"]);
        }

        var period = await subscriptions.CurrentPeriodAsync(subscription, cancellationToken);
        var plan = plans.Get(period.PlanKey);
        return plan.ChannelLimit is { } limit && connectedChannels >= limit
            ? BillingDecision.Refuse(text.Format("Error_ChannelLimit", plan.Name, limit))
            : BillingDecision.Allow;
    }

    public Task ConversationOpenedAsync(Guid workspaceId, Guid conversationId, bool reopened, CancellationToken cancellationToken)
    {
        metering.Enqueue(workspaceId, conversationId);
        return Task.CompletedTask;
    }

    public async Task<BillingSummary?> GetSummaryAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var overview = await queries.OverviewAsync(workspaceId, cancellationToken);
        return new BillingSummary(
            overview.PlanKey,
            overview.PlanName,
            overview.PeriodStart,
            overview.PeriodEnd,
            overview.ConversationsUsed,
            overview.ConversationLimit,
            overview.TopUpConversations,
            overview.ChannelLimit,
            overview.OverageSoFar,
            overview.CancelAtPeriodEnd);
    }
}
