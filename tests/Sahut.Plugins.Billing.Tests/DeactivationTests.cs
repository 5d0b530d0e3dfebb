using Microsoft.EntityFrameworkCore;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Plugins.Billing.Periods;
using Sahut.Plugins.Billing.Subscriptions;
using Sahut.Plugins.Billing.Tests.Infrastructure;

namespace Sahut.Plugins.Billing.Tests;

/// <summary>Without a free plan, a cancelled subscription ends at period end: the workspace is read-only, nothing is deleted, subscribing reactivates it.</summary>
public sealed class DeactivationTests
{
    [Fact]
    public async Task Cancel_without_a_free_plan_deactivates_at_period_end_and_subscribing_reactivates()
    {
        await using var harness = await BillingHarness.StartAsync(withFreePlan: false);
        var ws = await harness.SeedWorkspaceAsync();
        var conversation = await harness.OpenConversationAsync(ws, 1);
        await harness.WithAsync<SubscriptionCommands>(c => c.CancelAsync(ws.Id, CancellationToken.None));

        harness.Time.Advance(TimeSpan.FromDays(15));
        Assert.True(await IsActiveAsync(harness, ws));
        harness.Time.Advance(TimeSpan.FromDays(16));
        await harness.WithAsync<PeriodCloser>(closer => closer.CloseDuePeriodsAsync(CancellationToken.None));
        await harness.WithAsync<CancellationApplier>(applier => applier.ApplyDueAsync(CancellationToken.None));
        await harness.WithAsync<CancellationApplier>(applier => applier.ApplyDueAsync(CancellationToken.None));

        Assert.False(await IsActiveAsync(harness, ws));
        var readOnly = await Assert.ThrowsAsync<WorkspaceDeactivatedException>(() => harness.OpenConversationAsync(ws, 2));
        Assert.Equal(423, readOnly.StatusCode);
        await Assert.ThrowsAsync<WorkspaceDeactivatedException>(() => harness.SetStatusAsync(ws, conversation, ConversationStatus.Resolved));
        await Assert.ThrowsAsync<WorkspaceDeactivatedException>(() => harness.ConnectChannelAsync(ws.Id));
        Assert.Equal(1, await harness.CoreDbAsync(db => db.Conversations.CountAsync(c => c.WorkspaceId == ws.Id)));
        Assert.Equal(1, await harness.CoreDbAsync(db => db.Messages.CountAsync(m => m.WorkspaceId == ws.Id)));

        await harness.WithAsync<SubscriptionCommands>(c => c.SubscribeAsync(ws.Id, "basic", CancellationToken.None));
        Assert.True(await IsActiveAsync(harness, ws));
        await harness.OpenConversationAsync(ws, 2);
    }

    private static Task<bool> IsActiveAsync(BillingHarness harness, TestWorkspace ws) =>
        harness.CoreDbAsync(db => db.Workspaces.Where(w => w.Id == ws.Id).Select(w => w.IsActive).FirstAsync());
}
