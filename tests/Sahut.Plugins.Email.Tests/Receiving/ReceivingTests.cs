using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Data;
using Sahut.Plugins.Email.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sahut.Plugins.Email.Tests.Receiving;

[Collection(MailServersCollection.Name)]
public sealed class ReceivingTests(MailServers mail, ITestOutputHelper output) : TempDataDir
{
    [Fact]
    public async Task Mail_waiting_in_the_mailbox_is_fetched_when_the_channel_is_connected()
    {
        var user = mail.AddUser();
        await mail.DeliverAsync(user,
            Mails.From("budi@pelanggan.example", MailServers.Address(user), "Pesanan #1001 belum sampai", "Halo, pesanan saya belum sampai."),
            Mails.From("sari@pelanggan.example", MailServers.Address(user), "Tanya ongkir", "Berapa ongkir ke Bandung?"));
        await using var host = new EmailHost(DataDir);
        var api = await host.SetupAsync();

        await api.ConnectEmailAsync(mail.ChannelSettings(user));

        var conversations = await api.WaitForConversationsAsync(c => c.Count == 2, "both waiting emails");
        var order = conversations.Single(c => c.GetProperty("subject").GetString() == "Pesanan #1001 belum sampai");
        Assert.Equal("budi@pelanggan.example", order.GetProperty("contactIdentifier").GetString());
        var message = Assert.Single(await api.MessagesAsync(order.GetProperty("id").GetGuid()));
        Assert.Equal("Halo, pesanan saya belum sampai.", message.GetProperty("body").GetString());
        Assert.Equal("email", message.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Mail_arriving_while_connected_is_pushed_by_IMAP_IDLE()
    {
        var user = mail.AddUser();
        await using var host = new EmailHost(DataDir);
        var api = await host.SetupAsync();
        await api.ConnectEmailAsync(mail.ChannelSettings(user));
        await mail.DeliverAsync(user, Mails.From("budi@pelanggan.example", MailServers.Address(user), "Pertama", "satu"));
        await api.WaitForConversationsAsync(c => c.Count == 1, "the first email");

        // Polling is configured to an hour: only the server's IDLE notification can bring this one in.
        await mail.DeliverAsync(user, Mails.From("budi@pelanggan.example", MailServers.Address(user), "Kedua", "dua"));

        await api.WaitForConversationsAsync(c => c.Any(x => x.GetProperty("subject").GetString() == "Kedua"), "the email pushed during IDLE");
    }

    [Fact]
    public async Task Every_message_delivered_while_Sahut_was_stopped_is_fetched_once_after_restart()
    {
        var user = mail.AddUser();
        await using (var first = new EmailHost(DataDir))
        {
            var api = await first.SetupAsync();
            await api.ConnectEmailAsync(mail.ChannelSettings(user));
            await mail.DeliverAsync(user, Mails.From("budi@pelanggan.example", MailServers.Address(user), "Sebelum berhenti", "halo"));
            await api.WaitForConversationsAsync(c => c.Count == 1, "the email before the stop");
        }

        var backlog = Enumerable.Range(1, 200)
            .Select(i => Mails.From($"pelanggan{i}@pelanggan.example", MailServers.Address(user), $"Backlog {i}", $"Pesan nomor {i}"))
            .ToArray();
        await mail.DeliverAsync(user, backlog);

        var restartedAt = System.Diagnostics.Stopwatch.StartNew();
        await using var second = new EmailHost(DataDir);
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
        await Eventually.GetAsync(async () => await db.Messages.CountAsync() >= 201 ? "done" : null, "the 200 emails delivered during the stop");
        output.WriteLine($"Caught up 200 emails {restartedAt.Elapsed.TotalSeconds:F1} s after the restart began.");

        var subjects = await db.Conversations.Select(c => c.Subject!).ToListAsync();
        Assert.Equal(201, subjects.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"Backlog {i}").Order(), subjects.Where(s => s.StartsWith("Backlog", StringComparison.Ordinal)).Order());
        Assert.Equal(201, await db.Messages.CountAsync());
    }
}
