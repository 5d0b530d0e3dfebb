namespace Sahut.Plugins.Billing.Data;

/// <summary>
/// One billing period [Start, End) of a subscription (usage is counted in <see cref="BillingCountedConversation"/>, top-ups in <see cref="BillingTopUp"/>). <see cref="PlanKey"/> is the plan in force now
/// (an upgrade changes it mid-period). <see cref="ClosedAt"/> is set, once, by the period-end job that billed it.
/// </summary>
public sealed class BillingPeriod
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string PlanKey { get; set; }
    public DateTime Start { get; set; }
    public DateTime End { get; set; }
    public DateTime? ClosedAt { get; set; }
}
