namespace Sahut.Plugins.Billing.Data;

/// <summary>A conversation counted in a period; unique (period, conversation), so counting is idempotent.</summary>
public sealed class BillingCountedConversation
{
    public Guid PeriodId { get; set; }
    public Guid ConversationId { get; set; }
    public DateTime CountedAt { get; set; }
}
