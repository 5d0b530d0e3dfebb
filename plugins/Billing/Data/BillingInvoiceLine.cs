namespace Sahut.Plugins.Billing.Data;

/// <summary>A charge on an invoice. <see cref="Kind"/>: plan, upgrade, top-up or overage.</summary>
public sealed class BillingInvoiceLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InvoiceId { get; set; }
    public required string Kind { get; set; }
    public required string Description { get; set; }
    public int Quantity { get; set; } = 1;
    public long Amount { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class InvoiceLineKinds
{
    public const string Plan = "plan";
    public const string Upgrade = "upgrade";
    public const string TopUp = "top-up";
    public const string Overage = "overage";
}
