namespace Sahut.Billing;

/// <summary>
/// Hooks the core calls for plan limits and metering. With no implementation registered the core allows
/// everything and meters nothing.
/// </summary>
public interface IBillingHooks
{
    /// <summary>May this workspace connect one more channel? <paramref name="connectedChannels"/> counts those it already has.</summary>
    Task<BillingDecision> CanConnectChannelAsync(Guid workspaceId, int connectedChannels, CancellationToken cancellationToken);

    /// <summary>A conversation was created, or reopened after being resolved.</summary>
    Task ConversationOpenedAsync(Guid workspaceId, Guid conversationId, bool reopened, CancellationToken cancellationToken);

    /// <summary>Plan and usage for the UI and the API; null when the workspace has no subscription.</summary>
    Task<BillingSummary?> GetSummaryAsync(Guid workspaceId, CancellationToken cancellationToken);
}

/// <summary>Allowed, or refused with a message the UI and the API show.</summary>
public sealed record BillingDecision(bool Allowed, string? Reason)
{
    public static BillingDecision Allow { get; } = new(true, null);

    public static BillingDecision Refuse(string reason) => new(false, reason);
}

/// <summary>A snapshot of a workspace's plan and usage; amounts in IDR.</summary>
public sealed record BillingSummary(
    string PlanKey,
    string PlanName,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    int ConversationsUsed,
    int? ConversationLimit,
    int TopUpConversations,
    int? ChannelLimit,
    decimal OverageSoFar,
    bool CancelAtPeriodEnd);
