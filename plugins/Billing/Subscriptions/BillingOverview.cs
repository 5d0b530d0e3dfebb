namespace Sahut.Plugins.Billing.Subscriptions;

/// <summary>Everything Settings → Billing and <c>GET …/billing</c> show. Amounts in IDR.</summary>
public sealed record BillingOverview(
    string PlanKey,
    string PlanName,
    string Status,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    int DaysLeft,
    int ConversationsUsed,
    int? ConversationLimit,
    int TopUpConversations,
    int? Allowance,
    int? UsagePercent,
    int? ChannelLimit,
    long MonthlyPrice,
    long OverageRate,
    long OverageSoFar,
    bool CancelAtPeriodEnd,
    string? PlanAfterCancel,
    BillingTopUpOffer? TopUp,
    IReadOnlyList<BillingPlanOffer> Plans)
{
    public const string Active = "active";
    public const string Cancelling = "cancelling";
    public const string Ended = "ended";
}

public sealed record BillingTopUpOffer(int Conversations, long Price);

public sealed record BillingPlanOffer(string Key, string Name, long MonthlyPrice, int? ChannelLimit, int? ConversationLimit, long OverageRate, bool IsCurrent, bool IsUpgrade);

public sealed record BillingInvoiceView(Guid Id, string Number, DateTime PeriodStart, DateTime PeriodEnd, bool Final, long Total, IReadOnlyList<BillingInvoiceLineView> Lines);

public sealed record BillingInvoiceLineView(string Kind, string Description, int Quantity, long Amount);
