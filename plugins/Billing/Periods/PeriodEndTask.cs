using Sahut.Plugins.Billing.Plans;
using Sahut.Scheduling;

namespace Sahut.Plugins.Billing.Periods;

/// <summary>Bills overage of ended periods and rolls subscriptions into the next period; run by the core's Quartz dispatcher.</summary>
public sealed class PeriodEndTask(PeriodCloser closer, BillingOptions options) : IScheduledTask
{
    public const string TaskKey = "billing.period-end";

    public string Key => TaskKey;

    public string CronSchedule => options.PeriodEndCron;

    public Task ExecuteAsync(ScheduledTaskContext context, CancellationToken cancellationToken) => closer.CloseDuePeriodsAsync(cancellationToken);
}
