namespace Sahut.Plugins.Billing.Data;

/// <summary>Marks that the 80 % or 100 % notice went out for a period; unique (period, threshold), so it goes out once.</summary>
public sealed class BillingUsageNotice
{
    public Guid PeriodId { get; set; }
    public int Threshold { get; set; }
    public DateTime SentAt { get; set; }
}
