namespace Sahut.Plugins.Billing.Plans;

/// <summary>The configured plans, checked once at start so a typo in configuration fails loudly.</summary>
public sealed class PlanCatalog
{
    private readonly Dictionary<string, BillingPlan> plans;

    public PlanCatalog(BillingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        plans = options.Plans.Count > 0 ? new(options.Plans, StringComparer.OrdinalIgnoreCase) : BillingOptions.DefaultPlans();
        DefaultPlanKey = Require(options.DefaultPlan, nameof(options.DefaultPlan));
        FreePlanKey = string.IsNullOrWhiteSpace(options.FreePlan) ? null : Require(options.FreePlan, nameof(options.FreePlan));
    }

    public string DefaultPlanKey { get; }

    public string? FreePlanKey { get; }

    public IEnumerable<KeyValuePair<string, BillingPlan>> All => plans.OrderBy(p => p.Value.MonthlyPrice);

    public BillingPlan Get(string key) => plans.TryGetValue(key, out var plan) ? plan : throw new InvalidOperationException($"Unknown billing plan '{key}'.");

    public bool TryGet(string key, out BillingPlan plan) => plans.TryGetValue(key, out plan!);

    private string Require(string key, string setting) =>
        plans.ContainsKey(key) ? key : throw new InvalidOperationException($"Billing:{setting} names plan '{key}', which is not configured. Plans: {string.Join(", ", plans.Keys)}.");
}
