using Sahut.Plugins.Billing.Plans;
using Sahut.Scheduling;

namespace Sahut.Plugins.Billing.Subscriptions;

/// <summary>Applies cancellations whose period is over (free plan, or deactivation); run by the core's Quartz dispatcher.</summary>
public sealed class SubscriptionEndTask(CancellationApplier applier, BillingOptions options) : IScheduledTask
{
    public const string TaskKey = "billing.subscription-end";

    public string Key => TaskKey;

    public string CronSchedule => options.SubscriptionEndCron;

    public Task ExecuteAsync(ScheduledTaskContext context, CancellationToken cancellationToken) => applier.ApplyDueAsync(cancellationToken);
}
