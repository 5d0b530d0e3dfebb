namespace Sahut.Plugins.Billing.Plans;

/// <summary>The "Billing" configuration section: plans, which one new workspaces get, and the free plan (if any).</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>Plans by key. When none are configured, <see cref="DefaultPlans"/> apply.</summary>
    public Dictionary<string, BillingPlan> Plans { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The plan a workspace starts on.</summary>
    public string DefaultPlan { get; set; } = "starter";

    /// <summary>Where a cancelled subscription lands at period end; without one (empty) the workspace is deactivated.</summary>
    public string? FreePlan { get; set; } = "gratis";

    /// <summary>Quartz cron (UTC) of the period-end job: bills overage and rolls periods.</summary>
    public string PeriodEndCron { get; set; } = "0 */5 * * * ?";

    /// <summary>Quartz cron (UTC) of the subscription-end job: applies cancellations.</summary>
    public string SubscriptionEndCron { get; set; } = "30 */5 * * * ?";

    public static Dictionary<string, BillingPlan> DefaultPlans() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["gratis"] = new() { Name = "Gratis", MonthlyPrice = 0, ChannelLimit = 1, ConversationLimit = 100 },
        ["starter"] = new()
        {
            Name = "Starter", MonthlyPrice = 299_000, ChannelLimit = 3, ConversationLimit = 1_000, OverageRate = 500,
            TopUpsAllowed = true, TopUpSize = 500, TopUpPrice = 200_000,
        },
        ["bisnis"] = new()
        {
            Name = "Bisnis", MonthlyPrice = 999_000, ChannelLimit = 10, ConversationLimit = 5_000, OverageRate = 400,
            TopUpsAllowed = true, TopUpSize = 1_000, TopUpPrice = 350_000,
        },
    };
}
