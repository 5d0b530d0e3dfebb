using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Inbox;
using Sahut.Team;
using Sahut.Tests.Infrastructure;

namespace Sahut.Tests.Team;

/// <summary>The one-replier rule's store and guard on each database provider, with a controllable clock.</summary>
public abstract class ReplyLeaseBehaviour
{
    private static readonly TimeSpan Lease = new TeamOptions().ReplyLease;

    protected abstract DatabaseKind Kind { get; }

    [Fact]
    public async Task The_lease_is_held_renewed_refused_to_others_and_free_again_after_expiry()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, conversation, andi, sari) = await SeedAsync(h);

        var first = await AcquireAsync(h, ws, conversation, andi);
        Assert.True(first.Granted);
        h.Time.Advance(Lease / 2);
        var refused = await AcquireAsync(h, ws, conversation, sari);
        Assert.False(refused.Granted);
        Assert.Equal(andi, refused.HolderId);
        var renewed = await AcquireAsync(h, ws, conversation, andi);
        Assert.True(renewed.Granted);
        Assert.True(renewed.ExpiresAt > first.ExpiresAt);

        // The renewal counts from now: half a lease later it still holds, a full lease later it has lapsed.
        h.Time.Advance(Lease / 2 + TimeSpan.FromSeconds(1));
        Assert.False((await AcquireAsync(h, ws, conversation, sari)).Granted);
        h.Time.Advance(Lease);
        Assert.Null(await h.WithAsync<IReplyLeaseStore, LeaseState?>(s => s.GetAsync(conversation, CancellationToken.None)));
        Assert.True((await AcquireAsync(h, ws, conversation, sari)).Granted);
    }

    [Fact]
    public async Task Agents_racing_for_a_free_lease_get_exactly_one_winner()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, conversation, _, _) = await SeedAsync(h);
        var racers = Enumerable.Range(0, 8).Select(_ => Guid.CreateVersion7()).ToList();

        var results = await Task.WhenAll(racers.Select(user => AcquireAsync(h, ws, conversation, user)));

        var winner = Assert.Single(results, r => r.Granted);
        Assert.All(results, r => Assert.Equal(winner.HolderId, r.HolderId));
    }

    [Fact]
    public async Task The_guard_refuses_non_holders_and_non_assignees_and_a_refused_send_lets_the_lease_go()
    {
        await using var h = await CoreHarness.StartAsync(Kind, replyWindow: TimeSpan.FromHours(24));
        var (ws, conversation, andi, sari) = await SeedAsync(h);

        Assert.True((await AcquireAsync(h, ws, conversation, andi)).Granted);
        var byOther = await Assert.ThrowsAsync<ConflictException>(() => ReplyAsync(h, ws, conversation, sari, "dari Sari"));
        Assert.Equal("reply-lease", byOther.Rule);
        var byToken = await Assert.ThrowsAsync<ConflictException>(() => ReplyAsync(h, ws, conversation, null, "dari integrasi"));
        Assert.Equal("reply-lease", byToken.Rule);
        await ReplyAsync(h, ws, conversation, andi, "dari Andi");
        Assert.Null(await h.WithAsync<IReplyLeaseStore, LeaseState?>(s => s.GetAsync(conversation, CancellationToken.None)));

        await h.WithAsync<ConversationCommands>(c => c.AssignAsync(ws, conversation, sari, CancellationToken.None));
        var notAssignee = await Assert.ThrowsAsync<ConflictException>(() => ReplyAsync(h, ws, conversation, andi, "lagi dari Andi"));
        Assert.Equal("assigned-to-other", notAssignee.Rule);
        Assert.Equal("assigned-to-other", (await Assert.ThrowsAsync<ConflictException>(() => ReplyAsync(h, ws, conversation, null, "integrasi"))).Rule);

        // Outside the reply window Sari's reply is refused (422); the lease the guard took for it does not linger.
        h.Time.Advance(TimeSpan.FromHours(25));
        await Assert.ThrowsAsync<RuleViolationException>(() => ReplyAsync(h, ws, conversation, sari, "terlambat"));
        Assert.Null(await h.WithAsync<IReplyLeaseStore, LeaseState?>(s => s.GetAsync(conversation, CancellationToken.None)));
        Assert.Equal(["dari Andi"], await h.DbAsync(db => db.Messages.Where(m => m.Direction == MessageDirection.Out).Select(m => m.Body!).ToListAsync()));
    }

    [Fact]
    public async Task Notes_notify_the_members_they_mention_but_not_their_author_or_strangers()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, conversation, andi, sari) = await SeedAsync(h);
        var budi = await h.WithAsync<WorkspaceService, SahutUser>(w => w.AddMemberAsync(ws, "budi.santoso@tokomaju.id", "Rahasia-123", WorkspaceRole.Agent, CancellationToken.None));

        await h.WithAsync<ConversationCommands, Note>(c => c.AddNoteAsync(ws, conversation, andi, "@sari dan @budi.santoso@tokomaju.id tolong cek, @andi @orang-lain", CancellationToken.None));

        var notified = await h.DbAsync(db => db.Notifications.Where(n => n.WorkspaceId == ws).Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { sari, budi.Id }.Order(), notified.Order());
        await CoreHarness.EventuallyAsync(() => Task.FromResult(h.Events.Events.OfType<Sahut.Events.UserMentioned>().Count() == 2), "one mention event per notified member");
    }

    private static async Task<(Guid Workspace, Guid Conversation, Guid Andi, Guid Sari)> SeedAsync(CoreHarness h)
    {
        var (ws, andi, channel) = await h.SeedWorkspaceAsync();
        var sari = await h.WithAsync<WorkspaceService, SahutUser>(w => w.AddMemberAsync(ws, "sari@tokomaju.id", "Rahasia-123", WorkspaceRole.Agent, CancellationToken.None));
        var sink = h.Services.GetRequiredService<IInboundSink>();
        await sink.AcceptAsync(channel, [new InboundMessage("in-1", "081234567890", "Rina", h.Time.GetUtcNow().UtcDateTime, MessageKinds.Text, "halo", [])], CancellationToken.None);
        var conversation = await h.DbAsync(db => db.Conversations.Where(c => c.WorkspaceId == ws).Select(c => c.Id).SingleAsync());
        return (ws, conversation, andi, sari.Id);
    }

    private static Task<LeaseState> AcquireAsync(CoreHarness h, Guid ws, Guid conversation, Guid user) =>
        h.WithAsync<IReplyLeaseStore, LeaseState>(s => s.AcquireAsync(ws, conversation, user, Lease, CancellationToken.None));

    private static Task<Message> ReplyAsync(CoreHarness h, Guid ws, Guid conversation, Guid? user, string text) =>
        h.WithAsync<ConversationCommands, Message>(c => c.ReplyAsync(ws, conversation, user, new ReplyContent(text, null), CancellationToken.None));
}

public sealed class SqliteReplyLeaseBehaviour : ReplyLeaseBehaviour
{
    protected override DatabaseKind Kind => DatabaseKind.Sqlite;
}

public sealed class PostgresReplyLeaseBehaviour : ReplyLeaseBehaviour
{
    protected override DatabaseKind Kind => DatabaseKind.Postgres;
}
