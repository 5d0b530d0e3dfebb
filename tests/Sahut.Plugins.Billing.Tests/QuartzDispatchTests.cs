using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Periods;
using Sahut.Plugins.Billing.Subscriptions;
using Sahut.Plugins.Billing.Tests.Infrastructure;
using Sahut.Scheduling;

namespace Sahut.Plugins.Billing.Tests;

/// <summary>The billing tasks run through the core's one Quartz dispatcher job, on the persistent store in the real database.</summary>
public sealed class QuartzDispatchTests
{
    [Fact]
    public async Task Period_end_job_through_the_dispatcher_bills_overage_once_when_run_twice()
    {
        await using var harness = await BillingHarness.StartAsync();
        var ws = await OverLimitWorkspaceAsync(harness);
        var counter = await JobRunCounter.AttachAsync(harness.Services);
        var scheduler = await harness.Services.GetRequiredServiceForQuartz().GetScheduler();
        Assert.True(await scheduler.Exists(ScheduledTaskKeys.Job(PeriodEndTask.TaskKey)));
        Assert.True(await scheduler.Exists(ScheduledTaskKeys.Job(SubscriptionEndTask.TaskKey)));

        harness.Time.Advance(TimeSpan.FromDays(31));
        await scheduler.TriggerJob(ScheduledTaskKeys.Job(PeriodEndTask.TaskKey), new JobDataMap());
        await scheduler.TriggerJob(ScheduledTaskKeys.Job(PeriodEndTask.TaskKey), new JobDataMap());
        await BillingHarness.EventuallyAsync(() => Task.FromResult(counter.Runs(PeriodEndTask.TaskKey) >= 2), "two runs of the period-end job");

        Assert.Equal(3_000, Assert.Single(await OverageLinesAsync(harness, ws)).Amount);
        Assert.Equal(2, await harness.BillingDbAsync(db => db.Periods.CountAsync(p => p.WorkspaceId == ws.Id)));
    }

    [Fact]
    public async Task On_postgresql_the_clustered_scheduler_runs_the_period_end_job_and_bills_once()
    {
        await using var harness = await BillingHarness.StartAsync(postgres: true);
        var ws = await OverLimitWorkspaceAsync(harness);
        var counter = await JobRunCounter.AttachAsync(harness.Services);
        var scheduler = await harness.Services.GetRequiredServiceForQuartz().GetScheduler();
        Assert.True((await scheduler.GetMetadata()).JobStoreClustered);

        harness.Time.Advance(TimeSpan.FromDays(31));
        await scheduler.TriggerJob(ScheduledTaskKeys.Job(PeriodEndTask.TaskKey), new JobDataMap());
        await scheduler.TriggerJob(ScheduledTaskKeys.Job(PeriodEndTask.TaskKey), new JobDataMap());
        await BillingHarness.EventuallyAsync(() => Task.FromResult(counter.Runs(PeriodEndTask.TaskKey) >= 2), "two runs of the period-end job");
        Assert.Equal(3_000, Assert.Single(await OverageLinesAsync(harness, ws)).Amount);
    }

    [Fact]
    public async Task A_period_end_missed_during_downtime_runs_on_start_and_bills_once()
    {
        var harness = await BillingHarness.StartAsync();
        TestWorkspace ws;
        try
        {
            ws = await OverLimitWorkspaceAsync(harness);
        }
        finally
        {
            await harness.StopAsync();
        }

        // Sahut was down while the period ended and while the period-end trigger was due.
        harness.Time.Advance(TimeSpan.FromDays(31));
        await MakeTriggerOverdueAsync(harness.DataDir, PeriodEndTask.TaskKey, TimeSpan.FromHours(2));

        await using var restarted = await harness.RestartAsync();
        await BillingHarness.EventuallyAsync(
            async () => await restarted.BillingDbAsync(db => db.Periods.CountAsync(p => p.WorkspaceId == ws.Id && p.ClosedAt != null)) == 1,
            "the misfired period-end job to run on start");
        Assert.Equal(3_000, Assert.Single(await OverageLinesAsync(restarted, ws)).Amount);

        await restarted.WithAsync<PeriodCloser>(closer => closer.CloseDuePeriodsAsync(CancellationToken.None));
        Assert.Single(await OverageLinesAsync(restarted, ws));
    }

    [Fact]
    public async Task Several_periods_missed_are_each_billed_once_and_the_subscription_catches_up()
    {
        await using var harness = await BillingHarness.StartAsync();
        var ws = await OverLimitWorkspaceAsync(harness);
        harness.Time.Advance(TimeSpan.FromDays(95));
        await harness.WithAsync<PeriodCloser>(closer => closer.CloseDuePeriodsAsync(CancellationToken.None));
        await harness.WithAsync<PeriodCloser>(closer => closer.CloseDuePeriodsAsync(CancellationToken.None));

        var periods = await harness.BillingDbAsync(db => db.Periods.Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Start).ToListAsync());
        Assert.Equal(4, periods.Count);
        Assert.All(periods.Take(3), p => Assert.NotNull(p.ClosedAt));
        Assert.Null(periods[3].ClosedAt);
        Assert.Equal(3_000, Assert.Single(await OverageLinesAsync(harness, ws)).Amount);
    }

    private static async Task<TestWorkspace> OverLimitWorkspaceAsync(BillingHarness harness)
    {
        var ws = await harness.SeedWorkspaceAsync();
        for (var i = 0; i < 13; i++)
        {
            await harness.OpenConversationAsync(ws, i);
        }

        await BillingHarness.EventuallyAsync(
            async () => await harness.BillingDbAsync(db => db.CountedConversations.CountAsync()) == 13,
            "13 conversations counted");
        return ws;
    }

    private static Task<List<BillingInvoiceLine>> OverageLinesAsync(BillingHarness harness, TestWorkspace ws) =>
        harness.BillingDbAsync(db => db.InvoiceLines.Where(l => l.Kind == InvoiceLineKinds.Overage && db.Invoices.Any(i => i.Id == l.InvoiceId && i.WorkspaceId == ws.Id)).ToListAsync());

    /// <summary>Moves the trigger's next fire time into the past in the job store, as if its time came while the process was down.</summary>
    private static async Task MakeTriggerOverdueAsync(string dataDir, string taskKey, TimeSpan overdue)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "sahut.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $next WHERE TRIGGER_NAME = $name AND TRIGGER_GROUP = $group";
        command.Parameters.AddWithValue("$next", DateTimeOffset.UtcNow.Subtract(overdue).UtcTicks);
        command.Parameters.AddWithValue("$name", taskKey);
        command.Parameters.AddWithValue("$group", ScheduledTaskKeys.Group);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
