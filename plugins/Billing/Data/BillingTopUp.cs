namespace Sahut.Plugins.Billing.Data;

/// <summary>Conversations bought for one period.</summary>
public sealed class BillingTopUp
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PeriodId { get; set; }
    public Guid WorkspaceId { get; set; }
    public int Conversations { get; set; }
    public long Price { get; set; }
    public Guid? PurchasedBy { get; set; }
    public DateTime PurchasedAt { get; set; }
}
