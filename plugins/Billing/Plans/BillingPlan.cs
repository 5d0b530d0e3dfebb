namespace Sahut.Plugins.Billing.Plans;

/// <summary>One plan from configuration ("Billing:Plans:{key}"). Prices in IDR (whole rupiah); a null limit means unlimited.</summary>
public sealed class BillingPlan
{
    public string Name { get; set; } = "";

    public long MonthlyPrice { get; set; }

    public int? ChannelLimit { get; set; }

    public int? ConversationLimit { get; set; }

    /// <summary>Charged per conversation beyond the limit and top-ups, at period end.</summary>
    public long OverageRate { get; set; }

    public bool TopUpsAllowed { get; set; }

    /// <summary>Conversations one top-up adds to the current period.</summary>
    public int TopUpSize { get; set; }

    public long TopUpPrice { get; set; }
}
