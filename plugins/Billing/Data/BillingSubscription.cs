namespace Sahut.Plugins.Billing.Data;

/// <summary>A workspace's subscription (one per workspace). Ended: cancelled with no free plan; the workspace is deactivated.</summary>
public sealed class BillingSubscription
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string PlanKey { get; set; }
    public bool CancelAtPeriodEnd { get; set; }
    public DateTime? CancelRequestedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool IsEnded => EndedAt is not null;
}
