using Microsoft.EntityFrameworkCore;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Inbox;
using Sahut.Tests.Infrastructure;

namespace Sahut.Tests.Accounts;

/// <summary>Workspace profile and member management used by the Settings pages.</summary>
public sealed class WorkspaceMembershipTests
{
    [Fact]
    public async Task Profile_update_renames_and_sets_a_known_time_zone_only()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, _, _) = await h.SeedWorkspaceAsync();

        await h.WithAsync<WorkspaceService>(s => s.UpdateProfileAsync(ws, " Toko Maju Makassar ", "Asia/Makassar", CancellationToken.None));
        await Assert.ThrowsAsync<InputValidationException>(() => h.WithAsync<WorkspaceService>(s => s.UpdateProfileAsync(ws, "X", "Mars/Olympus", CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => h.WithAsync<WorkspaceService>(s => s.UpdateProfileAsync(Guid.NewGuid(), "X", "Asia/Jakarta", CancellationToken.None)));

        var workspace = await h.DbAsync(db => db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == ws));
        Assert.Equal("Toko Maju Makassar", workspace.Name);
        Assert.Equal("Asia/Makassar", workspace.TimeZone);
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_demoted_nor_removed()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, owner, _) = await h.SeedWorkspaceAsync();

        var demote = await Assert.ThrowsAsync<RuleViolationException>(() => h.WithAsync<WorkspaceService>(s => s.ChangeRoleAsync(ws, owner, WorkspaceRole.Agent, CancellationToken.None)));
        var remove = await Assert.ThrowsAsync<RuleViolationException>(() => h.WithAsync<WorkspaceService>(s => s.RemoveMemberAsync(ws, owner, CancellationToken.None)));

        Assert.Equal("last-owner", demote.Rule);
        Assert.Equal("last-owner", remove.Rule);
        var second = await h.WithAsync<WorkspaceService, SahutUser>(s => s.AddMemberAsync(ws, "kedua@example.com", "Rahasia-123", WorkspaceRole.Owner, CancellationToken.None));
        await h.WithAsync<WorkspaceService>(s => s.ChangeRoleAsync(ws, owner, WorkspaceRole.Admin, CancellationToken.None));
        Assert.Equal(WorkspaceRole.Admin, (await h.WithAsync<WorkspaceService, Membership?>(s => s.FindMembershipAsync(ws, owner, CancellationToken.None)))!.Role);
        Assert.Equal(WorkspaceRole.Owner, (await h.WithAsync<WorkspaceService, Membership?>(s => s.FindMembershipAsync(ws, second.Id, CancellationToken.None)))!.Role);
    }

    [Fact]
    public async Task Removing_a_member_unassigns_their_conversations_and_only_in_that_workspace()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, _, channel) = await h.SeedWorkspaceAsync("A");
        var (other, _, _) = await h.SeedWorkspaceAsync("B");
        var agent = await h.WithAsync<WorkspaceService, SahutUser>(s => s.AddMemberAsync(ws, "agen@example.com", "Rahasia-123", WorkspaceRole.Agent, CancellationToken.None));
        await h.WithAsync<WorkspaceService, SahutUser>(s => s.AddMemberAsync(other, "agen@example.com", null, WorkspaceRole.Agent, CancellationToken.None));
        var conversation = await h.DbAsync(async db =>
        {
            var contact = new Contact { WorkspaceId = ws, Name = "Rina" };
            var c = new Conversation { WorkspaceId = ws, ChannelId = channel, ContactId = contact.Id, AssigneeId = agent.Id };
            db.AddRange(contact, c);
            await db.SaveChangesAsync();
            return c.Id;
        });

        await Assert.ThrowsAsync<NotFoundException>(() => h.WithAsync<WorkspaceService>(s => s.RemoveMemberAsync(Guid.NewGuid(), agent.Id, CancellationToken.None)));
        await h.WithAsync<WorkspaceService>(s => s.RemoveMemberAsync(ws, agent.Id, CancellationToken.None));

        Assert.Null(await h.WithAsync<WorkspaceService, Membership?>(s => s.FindMembershipAsync(ws, agent.Id, CancellationToken.None)));
        Assert.NotNull(await h.WithAsync<WorkspaceService, Membership?>(s => s.FindMembershipAsync(other, agent.Id, CancellationToken.None)));
        Assert.Null((await h.DbAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversation))).AssigneeId);
    }

    [Fact]
    public async Task Contact_panel_queries_stay_inside_the_workspace()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, _, channel) = await h.SeedWorkspaceAsync("A");
        var (other, _, _) = await h.SeedWorkspaceAsync("B");
        var contactId = await h.DbAsync(async db =>
        {
            var contact = new Contact { WorkspaceId = ws, Name = "Rina" };
            contact.Identities.Add(new ContactIdentity { WorkspaceId = ws, ContactId = contact.Id, Kind = "phone", Value = "+6281377712345" });
            db.Add(contact);
            db.Add(new Conversation { WorkspaceId = ws, ChannelId = channel, ContactId = contact.Id, LastMessageAt = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc) });
            db.Add(new Conversation { WorkspaceId = ws, ChannelId = channel, ContactId = contact.Id, LastMessageAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
            return contact.Id;
        });

        var view = await h.WithAsync<ContactService, ContactView>(s => s.GetAsync(ws, contactId, CancellationToken.None));
        var history = await h.WithAsync<ConversationQueries, List<ConversationSummary>>(q => q.ListForContactAsync(ws, contactId, 5, CancellationToken.None));

        Assert.Equal("+6281377712345", view.Phone);
        Assert.Equal(2, history.Count);
        Assert.True(history[0].LastMessageAt > history[1].LastMessageAt);
        await Assert.ThrowsAsync<NotFoundException>(() => h.WithAsync<ContactService, ContactView>(s => s.GetAsync(other, contactId, CancellationToken.None)));
        Assert.Empty(await h.WithAsync<ConversationQueries, List<ConversationSummary>>(q => q.ListForContactAsync(other, contactId, 5, CancellationToken.None)));
    }
}
