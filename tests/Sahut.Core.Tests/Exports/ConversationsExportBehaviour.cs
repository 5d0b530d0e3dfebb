using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Exports;
using Sahut.Tests.Infrastructure;

namespace Sahut.Tests.Exports;

/// <summary>The conversations dataset's rows and filters (hand-written SQL), run against each database provider.</summary>
public abstract class ConversationsExportBehaviour
{
    protected abstract DatabaseKind Kind { get; }

    private static async Task<List<IReadOnlyList<string?>>> RowsAsync(CoreHarness h, ExportRequest request)
    {
        await using var scope = h.Services.CreateAsyncScope();
        var dataset = scope.ServiceProvider.GetServices<IExportDataset>().Single(d => d.Key == "conversations");
        var rows = new List<IReadOnlyList<string?>>();
        await foreach (var row in dataset.ReadRowsAsync(request, CancellationToken.None))
        {
            rows.Add(row);
        }

        Assert.Equal(rows.Count, await dataset.CountRowsAsync(request, CancellationToken.None));
        return rows;
    }

    [Fact]
    public async Task Rows_carry_the_channel_s_identifier_the_assignee_and_local_times_and_honour_every_filter()
    {
        await using var h = await CoreHarness.StartAsync(Kind);
        var (ws, owner, phoneChannel) = await h.SeedWorkspaceAsync();
        var (other, _, otherChannel) = await h.SeedWorkspaceAsync("Lain");
        var ownerEmail = await h.DbAsync(db => db.Users.Where(u => u.Id == owner).Select(u => u.Email).SingleAsync());
        var emailChannel = Guid.CreateVersion7();
        // 2026-10-31T17:30Z is 2026-11-01 00:30 in Jakarta (UTC+7): inside from=2026-11-01; 16:59Z is the day before.
        var inside = new DateTime(2026, 10, 31, 17, 30, 0, DateTimeKind.Utc);
        var before = new DateTime(2026, 10, 31, 16, 59, 0, DateTimeKind.Utc);
        Guid onPhone = default, onEmail = default;
        await h.DbAsync(db =>
        {
            db.Channels.Add(new Channel { Id = emailChannel, WorkspaceId = ws, Type = IdentityKinds.Email, Name = "Support", EncryptedSettings = "-", WebhookKey = "k-email", CreatedAt = before });
            Contact Person(Guid workspace, string name)
            {
                var contact = new Contact { WorkspaceId = workspace, Name = name, CreatedAt = before };
                contact.Identities.Add(new ContactIdentity { WorkspaceId = workspace, ContactId = contact.Id, Kind = IdentityKinds.Phone, Value = "+6281234567890" });
                contact.Identities.Add(new ContactIdentity { WorkspaceId = workspace, ContactId = contact.Id, Kind = IdentityKinds.Email, Value = "budi@contoh.id" });
                db.Contacts.Add(contact);
                return contact;
            }

            var budi = Person(ws, "Budi");
            var early = new Conversation { WorkspaceId = ws, ChannelId = phoneChannel, ContactId = budi.Id, Status = ConversationStatus.Open, CreatedAt = before, LastMessageAt = before };
            var phone = new Conversation
            {
                WorkspaceId = ws, ChannelId = phoneChannel, ContactId = budi.Id, Status = ConversationStatus.Resolved, AssigneeId = owner,
                CreatedAt = inside, FirstResponseAt = inside.AddMinutes(12), ResolvedAt = inside.AddHours(5), LastMessageAt = inside.AddHours(5),
                MessagesIn = 3, MessagesOut = 2, NotesCount = 1,
            };
            var email = new Conversation { WorkspaceId = ws, ChannelId = emailChannel, ContactId = budi.Id, Status = ConversationStatus.Pending, CreatedAt = inside.AddHours(1), LastMessageAt = inside.AddHours(1) };
            var elsewhere = new Conversation { WorkspaceId = other, ChannelId = otherChannel, ContactId = Person(other, "Budi").Id, Status = ConversationStatus.Open, CreatedAt = inside, LastMessageAt = inside };
            db.Conversations.AddRange(early, phone, email, elsewhere);
            (onPhone, onEmail) = (phone.Id, email.Id);
            return db.SaveChangesAsync();
        });

        var rows = await RowsAsync(h, new ExportRequest(ws, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), null, null));

        Assert.Equal([onPhone.ToString(), onEmail.ToString()], rows.Select(r => r[0]));
        Assert.Equal(
            [onPhone.ToString(), "CS Jakarta", "test", "Budi", "+6281234567890", "resolved", ownerEmail,
             "2026-11-01T00:30:00+07:00", "2026-11-01T00:42:00+07:00", "2026-11-01T05:30:00+07:00", "3", "2", "1", "2026-11-01T05:30:00+07:00"],
            rows[0]);
        Assert.Equal([onEmail.ToString(), "Support", "email", "Budi", "budi@contoh.id", "pending", null, "2026-11-01T01:30:00+07:00", null, null, "0", "0", "0", "2026-11-01T01:30:00+07:00"], rows[1]);
        Assert.Equal(3, (await RowsAsync(h, new ExportRequest(ws, null, null, null, null))).Count);
        Assert.Equal([onEmail.ToString()], (await RowsAsync(h, new ExportRequest(ws, null, null, emailChannel, null))).Select(r => r[0]));
        Assert.Equal([onPhone.ToString()], (await RowsAsync(h, new ExportRequest(ws, null, null, null, owner))).Select(r => r[0]));
        Assert.Single(await RowsAsync(h, new ExportRequest(ws, null, new DateOnly(2026, 10, 31), null, null)));
    }
}

public sealed class SqliteConversationsExportBehaviour : ConversationsExportBehaviour
{
    protected override DatabaseKind Kind => DatabaseKind.Sqlite;
}

public sealed class PostgresConversationsExportBehaviour : ConversationsExportBehaviour
{
    protected override DatabaseKind Kind => DatabaseKind.Postgres;
}
