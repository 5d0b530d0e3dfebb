using System.Collections.Concurrent;
using Quartz;

namespace Sahut.Plugins.Billing.Tests.Infrastructure;

/// <summary>Counts finished runs of the dispatcher job per task key, so a test knows when a Quartz run is over.</summary>
public sealed class JobRunCounter : IJobListener, IMatcher<JobKey>
{
    private readonly ConcurrentDictionary<string, int> runs = new();

    public string Name => "billing-tests-run-counter";

    public int Runs(string taskKey) => runs.GetValueOrDefault(taskKey);

    public static async Task<JobRunCounter> AttachAsync(IServiceProvider services)
    {
        var scheduler = await services.GetRequiredServiceForQuartz().GetScheduler();
        var counter = new JobRunCounter();
        scheduler.ListenerManager.AddJobListener(counter, [counter]);
        return counter;
    }

    public bool IsMatch(JobKey key) => key.Group == Sahut.Scheduling.ScheduledTaskKeys.Group;

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        runs.AddOrUpdate(context.JobDetail.Key.Name, 1, (_, n) => n + 1);
        return ValueTask.CompletedTask;
    }
}

internal static class QuartzServices
{
    public static ISchedulerFactory GetRequiredServiceForQuartz(this IServiceProvider services) =>
        (ISchedulerFactory)(services.GetService(typeof(ISchedulerFactory)) ?? throw new InvalidOperationException("No Quartz scheduler factory"));
}
