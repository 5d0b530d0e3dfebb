using Microsoft.EntityFrameworkCore;
using Sahut.Billing;
using Sahut.Domain;
using Sahut.Plugins.Billing.Data;
using Sahut.Plugins.Billing.Periods;
using Sahut.Plugins.Billing.Subscriptions;
using Sahut.Plugins.Billing.Tests.Infrastructure;

namespace Sahut.Plugins.Billing.Tests;

/// <summary>A workspace on the Basic plan (10 conversations, Rp 1.000 overage) walked through two periods with a fake clock.</summary>
public sealed class BillingPeriodsTests : IAsyncLifetime
{
    private BillingHarness harness = null!;

    public async Task InitializeAsync() => harness = await BillingHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Two_periods_count_each_conversation_once_notify_once_and_bill_overage_once()
    {
        var ws = await harness.SeedWorkspaceAsync();

        // Period 1: 8 new conversations → 80 %.
        var conversations = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            conversations.Add(await harness.OpenConversationAsync(ws, i));
        }

        await UsedEventuallyAsync(ws, 8);
        await NotifiedEventuallyAsync(ws, "billing.usage-80", ws.AdminEmails.Count);
        Assert.Equal(0, await harness.NotificationsAsync(ws.Id, "billing.usage-100"));

        // Reopening a conversation already counted this period, and writing in an open one, count nothing.
        await harness.SetStatusAsync(ws, conversations[0], ConversationStatus.Resolved);
        await harness.SetStatusAsync(ws, conversations[0], ConversationStatus.Open);
        await harness.OpenConversationAsync(ws, 1);
        for (var i = 8; i < 13; i++)
        {
            await harness.OpenConversationAsync(ws, i);
        }

        await UsedEventuallyAsync(ws, 13);
        await NotifiedEventuallyAsync(ws, "billing.usage-100", ws.AdminEmails.Count);
        Assert.Equal(ws.AdminEmails.Count, await harness.NotificationsAsync(ws.Id, "billing.usage-80"));
        var summary = await SummaryAsync(ws);
        Assert.Equal(3_000m, summary.OverageSoFar);

        // Period end: the job runs twice; overage is billed once.
        harness.Time.Advance(TimeSpan.FromDays(31));
        await harness.WithAsync<PeriodCloser>(closer => closer.CloseDuePeriodsAsync(CancellationToken.None));
        await harness.WithAsync<PeriodCloser>(closer => closer.CloseDuePeriodsAsync(CancellationToken.None));
        var overage = await OverageLinesAsync(ws);
        var line = Assert.Single(overage);
        Assert.Equal(3_000, line.Amount);
        Assert.Equal(3, line.Quantity);

        // Period 2 started where period 1 ended; a conversation resolved in period 1 and reopened now counts again.
        var second = await SummaryAsync(ws);
        Assert.Equal(summary.PeriodEnd, second.PeriodStart);
        Assert.Equal(0, second.ConversationsUsed);
        await harness.SetStatusAsync(ws, conversations[0], ConversationStatus.Resolved);
        await harness.SetStatusAsync(ws, conversations[0], ConversationStatus.Open);
        for (var i = 100; i < 107; i++)
        {
            await harness.OpenConversationAsync(ws, i);
        }

        await UsedEventuallyAsync(ws, 8);
        await NotifiedEventuallyAsync(ws, "billing.usage-80", 2 * ws.AdminEmails.Count);
        harness.Time.Advance(TimeSpan.FromDays(31));
        await harness.WithAsync<PeriodCloser>(closer => closer.CloseDuePeriodsAsync(CancellationToken.None));
        Assert.Single(await OverageLinesAsync(ws));
        var invoices = await harness.WithAsync<BillingQueries, IReadOnlyList<BillingInvoiceView>>(q => q.InvoicesAsync(ws.Id, CancellationToken.None));
        Assert.Equal(3, invoices.Count);
        Assert.Equal(2, invoices.Count(i => i.Final));
        Assert.All(invoices, i => Assert.Contains(i.Lines, l => l.Kind == InvoiceLineKinds.Plan && l.Amount == 300_000));
    }

    [Fact]
    public async Task Upgrade_mid_period_applies_new_limits_at_once_with_a_prorated_charge()
    {
        var ws = await harness.SeedWorkspaceAsync();
        var start = (await SummaryAsync(ws)).PeriodStart;
        await harness.ConnectChannelAsync(ws.Id);
        await Assert.ThrowsAsync<Sahut.Errors.PlanLimitException>(() => harness.ConnectChannelAsync(ws.Id));

        var end = (await SummaryAsync(ws)).PeriodEnd;
        harness.Time.Advance((end - start) / 2);
        await harness.WithAsync<SubscriptionCommands>(c => c.UpgradeAsync(ws.Id, "pro", CancellationToken.None));

        var summary = await SummaryAsync(ws);
        Assert.Equal("pro", summary.PlanKey);
        Assert.Equal(20, summary.ConversationLimit);
        Assert.Equal(start, summary.PeriodStart);
        await harness.ConnectChannelAsync(ws.Id);
        var upgrade = Assert.Single(await LinesAsync(ws, InvoiceLineKinds.Upgrade));
        Assert.Equal(150_000, upgrade.Amount);

        var refused = await Assert.ThrowsAsync<BillingRefusedException>(() => harness.WithAsync<SubscriptionCommands>(c => c.UpgradeAsync(ws.Id, "basic", CancellationToken.None)));
        Assert.Equal(422, refused.StatusCode);
    }

    [Fact]
    public async Task Top_up_adds_conversations_to_the_current_period_and_reduces_overage()
    {
        var ws = await harness.SeedWorkspaceAsync();
        for (var i = 0; i < 13; i++)
        {
            await harness.OpenConversationAsync(ws, i);
        }

        await UsedEventuallyAsync(ws, 13);
        await harness.WithAsync<SubscriptionCommands>(c => c.TopUpAsync(ws.Id, 1, ws.OwnerId, CancellationToken.None));
        var summary = await SummaryAsync(ws);
        Assert.Equal(5, summary.TopUpConversations);
        Assert.Equal(0m, summary.OverageSoFar);
        Assert.Equal(40_000, Assert.Single(await LinesAsync(ws, InvoiceLineKinds.TopUp)).Amount);

        harness.Time.Advance(TimeSpan.FromDays(31));
        await harness.WithAsync<PeriodCloser>(closer => closer.CloseDuePeriodsAsync(CancellationToken.None));
        Assert.Empty(await OverageLinesAsync(ws));
        Assert.Equal(0, (await SummaryAsync(ws)).TopUpConversations);
    }

    [Fact]
    public async Task Cancel_keeps_the_plan_until_period_end_then_moves_to_the_free_plan()
    {
        var ws = await harness.SeedWorkspaceAsync();
        var first = await SummaryAsync(ws);
        await harness.WithAsync<SubscriptionCommands>(c => c.CancelAsync(ws.Id, CancellationToken.None));
        Assert.True((await SummaryAsync(ws)).CancelAtPeriodEnd);
        Assert.Equal("basic", (await SummaryAsync(ws)).PlanKey);

        harness.Time.Advance(TimeSpan.FromDays(31));
        await RunPeriodEndJobsAsync();
        await RunPeriodEndJobsAsync();

        var after = await SummaryAsync(ws);
        Assert.Equal("gratis", after.PlanKey);
        Assert.False(after.CancelAtPeriodEnd);
        Assert.Equal(first.PeriodEnd, after.PeriodStart);
        Assert.True(await harness.CoreDbAsync(db => db.Workspaces.Where(w => w.Id == ws.Id).Select(w => w.IsActive).FirstAsync()));
        Assert.Equal(1, await harness.BillingDbAsync(db => db.Periods.CountAsync(p => p.WorkspaceId == ws.Id && p.PlanKey == "gratis")));
    }

    [Fact]
    public async Task Undo_cancel_before_period_end_keeps_the_subscription()
    {
        var ws = await harness.SeedWorkspaceAsync();
        await harness.WithAsync<SubscriptionCommands>(c => c.CancelAsync(ws.Id, CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromDays(20));
        await harness.WithAsync<SubscriptionCommands>(c => c.UndoCancelAsync(ws.Id, CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromDays(11));
        await RunPeriodEndJobsAsync();

        var summary = await SummaryAsync(ws);
        Assert.Equal("basic", summary.PlanKey);
        Assert.False(summary.CancelAtPeriodEnd);
        Assert.True(summary.PeriodEnd > harness.Time.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Channel_limit_refuses_one_channel_too_many_with_a_clear_message()
    {
        var ws = await harness.SeedWorkspaceAsync();
        await harness.ConnectChannelAsync(ws.Id);
        var refused = await Assert.ThrowsAsync<Sahut.Errors.PlanLimitException>(() => harness.ConnectChannelAsync(ws.Id));
        Assert.Equal(402, refused.StatusCode);
        Assert.Contains("Basic", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2", refused.Message, StringComparison.Ordinal);
    }

    private async Task RunPeriodEndJobsAsync()
    {
        await harness.WithAsync<PeriodCloser>(closer => closer.CloseDuePeriodsAsync(CancellationToken.None));
        await harness.WithAsync<CancellationApplier>(applier => applier.ApplyDueAsync(CancellationToken.None));
    }

    private Task<BillingSummary> SummaryAsync(TestWorkspace ws) =>
        harness.WithAsync<IBillingHooks, BillingSummary>(async hooks => (await hooks.GetSummaryAsync(ws.Id, CancellationToken.None))!);

    private Task UsedEventuallyAsync(TestWorkspace ws, int used) =>
        BillingHarness.EventuallyAsync(async () => (await SummaryAsync(ws)).ConversationsUsed == used, $"{used} conversations counted");

    private Task NotifiedEventuallyAsync(TestWorkspace ws, string kind, int count) =>
        BillingHarness.EventuallyAsync(async () => await harness.NotificationsAsync(ws.Id, kind) == count, $"{count} {kind} notifications");

    private Task<List<BillingInvoiceLine>> OverageLinesAsync(TestWorkspace ws) => LinesAsync(ws, InvoiceLineKinds.Overage);

    private Task<List<BillingInvoiceLine>> LinesAsync(TestWorkspace ws, string kind) =>
        harness.BillingDbAsync(db => db.InvoiceLines.Where(l => l.Kind == kind && db.Invoices.Any(i => i.Id == l.InvoiceId && i.WorkspaceId == ws.Id)).ToListAsync());
}
