using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Sahut.Scheduling;

/// <summary>
/// Before the scheduler starts (<see cref="SchedulerStartup"/>), makes the persistent schedule match the registered
/// tasks: adds new ones, reschedules a task whose cron changed, removes tasks no longer registered. An unchanged trigger is left alone, so one that came due while Sahut
/// was down keeps its past fire time and Quartz fires it once on start (misfire: fire now).
/// </summary>
public sealed class ScheduledTaskRegistrar(
    IServiceScopeFactory scopes,
    ILogger<ScheduledTaskRegistrar> logger)
{
    public async Task EnsureScheduleAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tasks = scope.ServiceProvider.GetServices<IScheduledTask>().ToList();
        foreach (var task in tasks)
        {
            await EnsureScheduledAsync(scheduler, task, cancellationToken);
        }

        var wanted = tasks.Select(t => ScheduledTaskKeys.Job(t.Key)).ToHashSet();
        var existing = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupStartsWith(ScheduledTaskKeys.Group) }, cancellationToken);
        foreach (var stale in existing.Items.Select(j => j.Key).Where(k => k.Group == ScheduledTaskKeys.Group && !wanted.Contains(k)))
        {
            logger.LogInformation("Removing schedule of task {TaskKey}, which no plugin registers any more", stale.Name);
            await scheduler.DeleteJob(stale, cancellationToken);
        }
    }

    private async Task EnsureScheduledAsync(IScheduler scheduler, IScheduledTask task, CancellationToken cancellationToken)
    {
        var triggerKey = ScheduledTaskKeys.Trigger(task.Key);
        if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger current
            && current.CronExpressionString == task.CronSchedule
            && await scheduler.Exists(ScheduledTaskKeys.Job(task.Key), cancellationToken))
        {
            return;
        }

        var job = JobBuilder.Create<ScheduledTaskDispatcherJob>()
            .WithIdentity(ScheduledTaskKeys.Job(task.Key))
            .UsingJobData(ScheduledTaskKeys.TaskKeyData, task.Key)
            .StoreDurably()
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(triggerKey)
            .ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(task.CronSchedule)
                .InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        logger.LogInformation("Scheduled task {TaskKey} with cron {Cron}", task.Key, task.CronSchedule);
    }
}
