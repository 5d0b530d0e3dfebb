using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Sahut.Scheduling;

/// <summary>
/// The one Quartz job: Quartz stores this type's name, which it can always resolve, and the job runs the plugin
/// <see cref="IScheduledTask"/> named in its data. A task missing now (its plugin removed) is logged and skipped.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledTaskDispatcherJob(IServiceScopeFactory scopes, ILogger<ScheduledTaskDispatcherJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var taskKey = context.MergedJobDataMap[ScheduledTaskKeys.TaskKeyData] as string ?? context.JobDetail.Key.Name;
        await using var scope = scopes.CreateAsyncScope();
        var task = scope.ServiceProvider.GetServices<IScheduledTask>().FirstOrDefault(t => t.Key == taskKey);
        if (task is null)
        {
            logger.LogWarning("No scheduled task {TaskKey} is registered; skipping", taskKey);
            return;
        }

        var fired = context.FireTimeUtc;
        var due = context.ScheduledFireTimeUtc ?? fired;
        logger.LogInformation("Running scheduled task {TaskKey} due {Due:o}", taskKey, due);
        try
        {
            await task.ExecuteAsync(new ScheduledTaskContext(due, fired), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Scheduled task {TaskKey} failed", taskKey);
            throw new JobExecutionException(ex);
        }
    }
}
