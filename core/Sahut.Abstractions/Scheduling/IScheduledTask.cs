namespace Sahut.Scheduling;

/// <summary>
/// Work a plugin wants run on a schedule. Plugins never implement Quartz's IJob (Quartz cannot resolve types in
/// plugin load contexts); the core's dispatcher job runs tasks by <see cref="Key"/>.
/// </summary>
public interface IScheduledTask
{
    /// <summary>Stable, unique key, e.g. "billing.period-end".</summary>
    string Key { get; }

    /// <summary>Quartz cron expression (seconds first), evaluated in UTC.</summary>
    string CronSchedule { get; }

    Task ExecuteAsync(ScheduledTaskContext context, CancellationToken cancellationToken);
}

/// <summary>When the task was due and when it actually fired (they differ after downtime).</summary>
public sealed record ScheduledTaskContext(DateTimeOffset ScheduledFireTime, DateTimeOffset FireTime);
