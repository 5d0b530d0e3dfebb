using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Plugins.Email.Tests.Infrastructure;

namespace Sahut.Plugins.Email.Tests.Sending;

[Collection(MailServersCollection.Name)]
public sealed class ThreadingTests(MailServers mail) : TempDataDir
{
    private const string Customer = "budi@pelanggan.example";

    [Theory]
    [InlineData(EmailHost.Sqlite)]
    [InlineData(EmailHost.Postgres)]
    public async Task A_reply_chain_stays_in_one_conversation_and_the_agent_reply_carries_threading_headers(string database)
    {
        var user = mail.AddUser();
        var address = MailServers.Address(user);
        await using var host = await EmailHost.OnAsync(database, DataDir);
        var api = await host.SetupAsync();
        await api.ConnectEmailAsync(mail.ChannelSettings(user));

        var first = Mails.From(Customer, address, "Pesanan #77 rusak", "Barangnya pecah.", "first.77@pelanggan.example");
        await mail.DeliverAsync(user, first);
        var conversationId = (await api.WaitForConversationsAsync(c => c.Count == 1, "the first email"))[0].GetProperty("id").GetGuid();

        // The agent answers; the outbox sends it through SMTP.
        var reply = await api.Http.PostAsJsonAsync($"{api.Base}/conversations/{conversationId}/messages", new { content = "Mohon maaf, kami kirim pengganti." });
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
        var sent = await Eventually.GetAsync(() => Task.FromResult(mail.Sent().FirstOrDefault(m => m.To.Mailboxes.Any(t => t.Address == Customer) && m.From.Mailboxes.Any(f => f.Address == address))), "the agent reply at the SMTP server");

        Assert.Equal("first.77@pelanggan.example", sent.InReplyTo);
        Assert.Contains("first.77@pelanggan.example", sent.References);
        Assert.StartsWith("Re: Pesanan #77 rusak [#", sent.Subject, StringComparison.Ordinal);
        Assert.Contains("Mohon maaf, kami kirim pengganti.", sent.TextBody, StringComparison.Ordinal);
        var storedId = await StoredOutboundIdAsync(host, conversationId);
        Assert.Equal($"<{sent.MessageId}>", storedId);
        var token = sent.Subject![sent.Subject!.IndexOf("[#", StringComparison.Ordinal)..];

        // B answers our reply by In-Reply-To only (no References, no token): found through our stored Message-ID.
        var byInReplyTo = Mails.From(Customer, address, "Re: Pesanan #77 rusak", "Terima kasih.", "b.77@pelanggan.example");
        byInReplyTo.InReplyTo = sent.MessageId;
        // C lost every header but kept the subject token.
        var byToken = Mails.From(Customer, address, $"Re: Pesanan #77 rusak {token}", "Kapan dikirim?", "c.77@pelanggan.example");
        // D quotes an id we never saw, but its References lead to the thread.
        var byReferences = Mails.From(Customer, address, "Re: Re: Pesanan #77", "Sudah sampai.", "d.77@pelanggan.example");
        byReferences.InReplyTo = "unknown.forwarded@elsewhere.example";
        byReferences.References.Add("first.77@pelanggan.example");
        byReferences.References.Add("unknown.forwarded@elsewhere.example");
        // E is a new thread from the same sender with the same subject: a new conversation.
        var newThread = Mails.From(Customer, address, "Pesanan #77 rusak", "Pesanan lain juga rusak.", "e.77@pelanggan.example");
        await mail.DeliverAsync(user, byInReplyTo, byToken, byReferences, newThread);

        var conversations = await api.WaitForConversationsAsync(c => c.Count == 2, "the new thread's conversation");
        var thread = await WaitForMessagesAsync(api, conversationId, 5);
        // Mail servers date messages to the second, so replies in the same second as ours may sort either way.
        Assert.Equal(["Barangnya pecah.", "Kapan dikirim?", "Mohon maaf, kami kirim pengganti.", "Sudah sampai.", "Terima kasih."], thread.Select(m => m.GetProperty("body").GetString()).Order(StringComparer.Ordinal));
        var other = conversations.Single(c => c.GetProperty("id").GetGuid() != conversationId);
        Assert.Equal("Pesanan lain juga rusak.", Assert.Single(await api.MessagesAsync(other.GetProperty("id").GetGuid())).GetProperty("body").GetString());
    }

    private static async Task<string?> StoredOutboundIdAsync(EmailHost host, Guid conversationId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
        return await Eventually.GetAsync(() => db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Out && m.ProviderMessageId != null)
            .Select(m => m.ProviderMessageId)
            .FirstOrDefaultAsync(), "the sent message's stored Message-ID");
    }

    private static async Task<List<System.Text.Json.JsonElement>> WaitForMessagesAsync(Api api, Guid conversationId, int count) =>
        await Eventually.GetAsync(async () => await api.MessagesAsync(conversationId) is { } messages && messages.Count >= count ? messages : null, $"{count} messages in the thread");
}
