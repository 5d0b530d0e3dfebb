using Microsoft.EntityFrameworkCore;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Plans;

namespace Sahut.Plugins.Billing.Metering;

/// <summary>A period's usage against its plan.</summary>
public sealed record UsageFigures(int Used, int? Limit, int TopUps, long OverageRate)
{
    /// <summary>What the period may use before overage: the plan's limit plus top-ups; null is unlimited.</summary>
    public int? Allowance => Limit is { } limit ? limit + TopUps : null;

    public int OverageConversations => Allowance is { } allowance ? Math.Max(0, Used - allowance) : 0;

    /// <summary>max(0, used − limit − top-ups) × rate.</summary>
    public long Overage => OverageConversations * OverageRate;

    public int? Percent => Allowance is { } allowance ? allowance == 0 ? 100 : (int)Math.Floor(Used * 100.0 / allowance) : null;

    public static async Task<UsageFigures> ForAsync(BillingDb db, BillingPeriod period, BillingPlan plan, CancellationToken cancellationToken)
    {
        var used = await db.CountedConversations.CountAsync(c => c.PeriodId == period.Id, cancellationToken);
        var topUps = await db.TopUps.Where(t => t.PeriodId == period.Id).SumAsync(t => (int?)t.Conversations, cancellationToken) ?? 0;
        return new UsageFigures(used, plan.ConversationLimit, topUps, plan.OverageRate);
    }
}
