using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Tests.Infrastructure;

namespace Sahut.Tests.Inbox;

/// <summary>However a provider writes a sender's number, the customer is one contact known by its E.164 number.</summary>
public sealed class InboundSenderIdentity
{
    [Fact]
    public async Task Local_international_and_formatted_numbers_of_one_sender_reach_one_contact_and_conversation()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (_, _, channel) = await h.SeedWorkspaceAsync();
        var sink = (IInboundSink)h.Services.GetService(typeof(IInboundSink))!;
        var at = h.Time.GetUtcNow().UtcDateTime;

        // One delivery (one batch) and then two more, each written differently.
        await sink.AcceptAsync(channel, [
            new InboundMessage("in-1", "081234567890", "Budi", at, MessageKinds.Text, "satu", []),
            new InboundMessage("in-2", "6281234567890", "Budi", at.AddSeconds(1), MessageKinds.Text, "dua", []),
        ], CancellationToken.None);
        await Task.WhenAll(
            sink.AcceptAsync(channel, [new InboundMessage("in-3", " +62 812-3456-7890 ", "Budi", at.AddSeconds(2), MessageKinds.Text, "tiga", [])], CancellationToken.None),
            sink.AcceptAsync(channel, [new InboundMessage("in-4", "budi@example.com", "Budi", at.AddSeconds(3), MessageKinds.Text, "empat", [])], CancellationToken.None));

        var identities = await h.DbAsync(db => db.ContactIdentities.OrderBy(i => i.Value).Select(i => new { i.ContactId, i.Kind, i.Value }).ToListAsync());
        Assert.Equal(["+6281234567890", "budi@example.com"], identities.Select(i => i.Value).ToArray());
        var byPhone = identities[0];
        Assert.Equal(IdentityKinds.Phone, byPhone.Kind);
        var conversation = await h.DbAsync(db => db.Conversations.SingleAsync(c => c.ContactId == byPhone.ContactId));
        Assert.Equal(3, conversation.MessagesIn);
        Assert.Equal("tiga", conversation.LastMessagePreview);
    }
}
