namespace Sahut.Plugins.Billing.Data;

/// <summary>One invoice per period: the plan, an upgrade's prorated charge, top-ups and, at period end, overage.</summary>
public sealed class BillingInvoice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid PeriodId { get; set; }
    public required string Number { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the period closed and overage was added: the invoice is final.</summary>
    public DateTime? FinalizedAt { get; set; }

    public List<BillingInvoiceLine> Lines { get; set; } = [];

    public long Total => Lines.Sum(l => l.Amount);
}
