using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Sahut.Scheduling;

/// <summary>
/// Starts Quartz once the host has started, instead of on the way there: creating the scheduler validates the job
/// store and recovers interrupted jobs, which serving requests never waits on, so it no longer holds back
/// <c>/health/ready</c>. The persistent schedule is made to match the registered tasks before the scheduler starts,
/// so misfires are handled against the current schedule. If Quartz cannot start the host stops, as it did when this
/// happened during start-up.
/// </summary>
public sealed class SchedulerStartup(
    ISchedulerFactory schedulers,
    ScheduledTaskRegistrar registrar,
    IHostApplicationLifetime lifetime,
    ILogger<SchedulerStartup> logger) : IHostedService
{
    private readonly TaskCompletionSource hostStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IScheduler? scheduler;

    /// <summary>Completes once the scheduler runs with the current schedule (or did not start because the host is stopping).</summary>
    public Task Started { get; private set; } = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => hostStarted.TrySetResult());
        lifetime.ApplicationStopping.Register(() => hostStarted.TrySetCanceled());
        Started = StartWhenHostStartedAsync(lifetime.ApplicationStopping);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        hostStarted.TrySetCanceled();
        await Started.WaitAsync(cancellationToken);
        if (scheduler is not null)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    private async Task StartWhenHostStartedAsync(CancellationToken stopping)
    {
        try
        {
            await hostStarted.Task;
            var created = await schedulers.GetScheduler(stopping);
            scheduler = created;
            await registrar.EnsureScheduleAsync(created, stopping);
            await created.Start(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested || hostStarted.Task.IsCanceled)
        {
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "The Quartz scheduler could not start; stopping Sahut");
            lifetime.StopApplication();
        }
    }
}
