using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Inbox;
using Sahut.Tests.Infrastructure;

namespace Sahut.Tests.Inbox;

/// <summary>
/// The inbox search (trigram index, whole phones, short terms) and the contacts list's, which finds the same contacts,
/// run against each database provider.
/// </summary>
public abstract class InboxSearchBehaviour
{
    protected abstract DatabaseKind Kind { get; }

    private static InboundMessage Text(string id, string from, DateTime at, string? name) =>
        new(id, from, name, at, MessageKinds.Text, "halo", []);

    private static async Task<string[]> ListAsync(CoreHarness h, Guid ws, string q, int page) =>
        (await h.WithAsync<ConversationQueries, ConversationPage>(c => c.ListAsync(ws, null, new ConversationFilter(null, null, null, q, page), CancellationToken.None)))
            .Items.Select(i => i.ContactName ?? "").ToArray();

    private static async Task<string[]> ContactsAsync(CoreHarness h, Guid ws, string q, int page = 1) =>
        (await h.WithAsync<ContactService, ContactPage>(c => c.ListAsync(ws, q, page, CancellationToken.None))).Items.Select(i => i.Name ?? "").ToArray();

    /// <summary>
    /// The answer while new terms are unindexed (SQLite scans them), checked to be the same once the background
    /// indexer has put them into the FTS index. On a first page shorter than a page, the contacts list is checked to
    /// find the same contacts (in its own order).
    /// </summary>
    private static async Task<string[]> SearchAsync(CoreHarness h, Guid ws, string q, int page = 1)
    {
        var fresh = await ListAsync(h, ws, q, page);
        var freshContacts = await ContactsAsync(h, ws, q);
        await IndexAllAsync(h);
        Assert.Equal(fresh, await ListAsync(h, ws, q, page));
        Assert.Equal(freshContacts, await ContactsAsync(h, ws, q));
        if (page == 1 && fresh.Length < ConversationFilter.PageSize)
        {
            Assert.Equal(fresh.Order(), freshContacts.Order());
        }

        return fresh;
    }

    private static async Task IndexAllAsync(CoreHarness h)
    {
        var indexer = (ContactSearchIndexer)h.Services.GetService(typeof(ContactSearchIndexer))!;
        while (await indexer.IndexPendingAsync(CancellationToken.None) > 0)
        {
        }
    }

    private static Task RenameAsync(CoreHarness h, string from, string to) => h.DbAsync(async db =>
    {
        var contact = await db.Contacts.SingleAsync(c => c.Name == from);
        contact.Name = to;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_renamed_contact_is_found_by_its_new_name_only_whether_or_not_the_old_one_was_indexed()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;
        await sink.AcceptAsync(channel, [Text("1", "081234567890", at, "Budi Santoso"), Text("2", "085299998888", at, "Andi Wijaya")], CancellationToken.None);
        Assert.Equal(["Budi Santoso"], await SearchAsync(h, ws, "santoso"));

        // Budi's old name is in the index by now; Andi's new name replaces one that never was.
        await sink.AcceptAsync(channel, [Text("3", "081311112222", at, "Citra Lestari")], CancellationToken.None);
        await RenameAsync(h, "Budi Santoso", "Budi Hartono");
        await RenameAsync(h, "Citra Lestari", "Citra Maharani");

        Assert.Empty(await SearchAsync(h, ws, "santoso"));
        Assert.Empty(await SearchAsync(h, ws, "lestari"));
        Assert.Equal(["Budi Hartono"], await SearchAsync(h, ws, "hartono"));
        Assert.Equal(["Citra Maharani"], await SearchAsync(h, ws, "maharani"));
        Assert.Equal(["Andi Wijaya"], await SearchAsync(h, ws, "wijaya"));
    }

    [Fact]
    public async Task A_name_that_arrives_after_the_contact_was_created_is_found_by_substring()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;
        await sink.AcceptAsync(channel, [Text("1", "081234567890", at, name: null)], CancellationToken.None);
        Assert.Empty(await SearchAsync(h, ws, "hayu pu"));

        await sink.AcceptAsync(channel, [Text("2", "081234567890", at.AddMinutes(1), "Rahayu Putri")], CancellationToken.None);

        Assert.Equal(["Rahayu Putri"], await SearchAsync(h, ws, "hayu pu"));
        Assert.Equal(["Rahayu Putri"], await SearchAsync(h, ws, "RAHAYU"));
    }

    [Fact]
    public async Task New_contacts_are_found_by_phone_digits_whole_local_numbers_and_email_parts()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;
        await sink.AcceptAsync(channel, [Text("1", "081234567890", at, "Budi"), Text("2", "085299998888", at.AddMinutes(1), "Siti")], CancellationToken.None);
        var siti = await h.DbAsync(db => db.Contacts.Where(c => c.Name == "Siti").Select(c => c.Id).SingleAsync());
        await h.DbAsync(db =>
        {
            db.ContactIdentities.Add(new ContactIdentity { WorkspaceId = ws, ContactId = siti, Kind = IdentityKinds.Email, Value = "siti.rahma@tokomaju.id" });
            return db.SaveChangesAsync();
        });

        Assert.Equal(["Budi"], await SearchAsync(h, ws, "45678"));
        Assert.Equal(["Budi"], await SearchAsync(h, ws, "0812-3456-7890"));
        Assert.Equal(["Siti"], await SearchAsync(h, ws, "rahma@toko"));
        Assert.Equal(["Siti", "Budi"], await SearchAsync(h, ws, "+62"));
        Assert.Empty(await SearchAsync(h, ws, "0812-3456-7891"));
        Assert.Empty(await SearchAsync(h, ws, "\"bu\"di"));
    }

    [Fact]
    public async Task Terms_shorter_than_a_trigram_still_match()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;
        await sink.AcceptAsync(channel, [Text("1", "081234567890", at, "Rina"), Text("2", "085299998888", at.AddMinutes(1), "Agus")], CancellationToken.None);

        Assert.Equal(["Rina"], await SearchAsync(h, ws, "in"));
        Assert.Equal(["Agus"], await SearchAsync(h, ws, "88"));
        Assert.Equal(["Agus", "Rina"], await SearchAsync(h, ws, "8"));
    }

    [Fact]
    public async Task Search_never_returns_another_workspace_s_contacts()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync("A");
        var (other, _, otherChannel) = await h.SeedWorkspaceAsync("B");
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;
        await sink.AcceptAsync(channel, [Text("1", "081234567890", at, "Dewi Lestari A")], CancellationToken.None);
        await sink.AcceptAsync(otherChannel, [Text("1", "081234567891", at, "Dewi Lestari B")], CancellationToken.None);

        Assert.Equal(["Dewi Lestari A"], await SearchAsync(h, ws, "lestari"));
        Assert.Equal(["Dewi Lestari B"], await SearchAsync(h, other, "lestari"));
        Assert.Empty(await SearchAsync(h, other, "081234567890"));
        Assert.Empty(await SearchAsync(h, other, "4567890"));
    }

    [Fact]
    public async Task A_term_matching_many_contacts_pages_in_activity_order()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, _, channel) = await h.SeedWorkspaceAsync();
        var matching = ContactSearch.FewLimit + 30;
        var start = h.Time.GetUtcNow().UtcDateTime;
        await h.DbAsync(db =>
        {
            for (var i = 0; i < matching + 20; i++)
            {
                var at = start.AddMinutes(i);
                var contact = new Contact { WorkspaceId = ws, Name = i < matching ? $"Pelanggan {i}" : $"Lain {i}", CreatedAt = at };
                contact.Identities.Add(new ContactIdentity { WorkspaceId = ws, ContactId = contact.Id, Kind = IdentityKinds.Phone, Value = $"+62811{i:D7}" });
                db.Contacts.Add(contact);
                db.Conversations.Add(new Conversation { WorkspaceId = ws, ChannelId = channel, ContactId = contact.Id, Status = ConversationStatus.Open, CreatedAt = at, LastMessageAt = at });
            }

            return db.SaveChangesAsync();
        });

        var newestFirst = Enumerable.Range(0, matching).Reverse().Select(i => $"Pelanggan {i}").ToArray();
        Assert.Equal(newestFirst[..ConversationFilter.PageSize], await SearchAsync(h, ws, "pelanggan"));
        Assert.Equal(newestFirst[(ConversationFilter.PageSize * 2)..(ConversationFilter.PageSize * 3)], await SearchAsync(h, ws, "pelanggan", page: 3));
        Assert.Equal(["Pelanggan 7"], await SearchAsync(h, ws, "+628110000007"));
        const int contactsPage = 50;
        Assert.Equal(newestFirst[..contactsPage], await ContactsAsync(h, ws, "pelanggan"));
        Assert.Equal(newestFirst[(contactsPage * 10)..], await ContactsAsync(h, ws, "pelanggan", page: 11));
    }
}

public sealed class SqliteInboxSearchBehaviour : InboxSearchBehaviour
{
    protected override DatabaseKind Kind => DatabaseKind.Sqlite;
}

public sealed class PostgresInboxSearchBehaviour : InboxSearchBehaviour
{
    protected override DatabaseKind Kind => DatabaseKind.Postgres;
}
