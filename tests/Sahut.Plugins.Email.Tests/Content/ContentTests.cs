using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sahut.Data;
using Sahut.Plugins.Email.Tests.Infrastructure;

namespace Sahut.Plugins.Email.Tests.Content;

[Collection(MailServersCollection.Name)]
public sealed class ContentTests(MailServers mail) : TempDataDir
{
    private const string Customer = "Siti Rahayu <siti@pelanggan.example>";

    [Fact]
    public async Task Subjects_and_bodies_arrive_intact_in_any_charset_and_encoding()
    {
        var user = mail.AddUser();
        var to = MailServers.Address(user);
        var cases = new (string Subject, string Body, string Raw)[]
        {
            Case("Pesanan belum sampai – mohon dibantu 🙏", "Sudah 5 hari, nomor resi JNE 0123. Terima kasih banyak! 🙏", (s, b) =>
                RawMails.Message(Customer, to, RawMails.EncodedWord(s, "utf-8"), "text/plain; charset=utf-8", "base64", RawMails.Base64(b, "utf-8"))),
            Case("Konfirmasi pembayaran – Rp150.000", "Sudah saya transfer Rp150.000 ke BCA, mohon dicek ya Kak.", (s, b) =>
                RawMails.Message(Customer, to, "=?utf-8?Q?Konfirmasi_pembayaran_=E2=80=93?=\n =?utf-8?Q?_Rp150.000?=", "text/plain; charset=utf-8", "quoted-printable", RawMails.QuotedPrintable(b, "utf-8"))),
            Case("Café résumé à Jakarta", "Harga naïve: 25 € - «tidak» mahal, Œuvre ŠŽ.", (s, b) =>
                RawMails.Message(Customer, to, RawMails.EncodedWord(s, "iso-8859-1"), "text/plain; charset=iso-8859-15", "quoted-printable", RawMails.QuotedPrintable(b, "iso-8859-15"))),
            Case("“Diskon” 10 € hari ini", "Kata “gratis” dan ‘ongkir’ – semua benar…", (s, b) =>
                RawMails.Message(Customer, to, RawMails.EncodedWord(s, "windows-1252"), "text/plain; charset=windows-1252", "base64", RawMails.Base64(b, "windows-1252"))),
            Case("注文について", "商品はまだ届いていません。", (s, b) =>
                RawMails.Message(Customer, to, RawMails.EncodedWord(s, "iso-2022-jp"), "text/plain; charset=iso-2022-jp", "base64", RawMails.Base64(b, "iso-2022-jp"))),
        };
        foreach (var c in cases)
        {
            await mail.DeliverRawAsync(user, c.Raw);
        }

        await using var host = new EmailHost(DataDir);
        var api = await host.SetupAsync();
        await api.ConnectEmailAsync(mail.ChannelSettings(user));
        var conversations = await api.WaitForConversationsAsync(c => c.Count == cases.Length, "every charset's email");

        foreach (var c in cases)
        {
            var conversation = conversations.SingleOrDefault(x => x.GetProperty("subject").GetString() == c.Subject);
            Assert.True(conversation.ValueKind == JsonValueKind.Object, $"No conversation with subject '{c.Subject}'; have: {string.Join(" | ", conversations.Select(x => x.GetProperty("subject").GetString()))}");
            Assert.Equal("Siti Rahayu", conversation.GetProperty("contactName").GetString());
            var message = Assert.Single(await api.MessagesAsync(conversation.GetProperty("id").GetGuid()));
            Assert.Equal(c.Body, message.GetProperty("body").GetString());
        }
    }

    [Fact]
    public async Task Html_is_sanitised_remote_images_do_not_load_and_attachments_download_for_authorised_users()
    {
        var user = mail.AddUser();
        var logo = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var invoice = "%PDF-1.4 faktur"u8.ToArray();
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Siti Rahayu", "siti@pelanggan.example"));
        message.To.Add(MailboxAddress.Parse(MailServers.Address(user)));
        message.Subject = "Faktur dan foto";
        var body = new BodyBuilder
        {
            TextBody = "Berikut fakturnya.\n\nOn Mon, 23 Nov 2026, Toko Maju wrote:\n> Silakan kirim fakturnya.",
            HtmlBody = """
                <p onclick="steal()">Berikut <b>fakturnya</b>.<script>alert('x')</script></p>
                <img src="http://tracker.example/pixel.gif?u=siti">
                <img src="cid:logo@pelanggan.example">
                <a href="javascript:alert(1)">klik</a> <a href="https://toko.example/pesanan">pesanan</a>
                <div class="gmail_quote">On Mon, 23 Nov 2026, Toko Maju wrote:<blockquote>Silakan kirim fakturnya.</blockquote></div>
                """,
        };
        var inline = body.LinkedResources.Add("logo.png", logo, new ContentType("image", "png"));
        inline.ContentId = "logo@pelanggan.example";
        body.Attachments.Add("faktur.pdf", invoice, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        await mail.DeliverAsync(user, message);

        await using var host = new EmailHost(DataDir);
        var api = await host.SetupAsync();
        await api.ConnectEmailAsync(mail.ChannelSettings(user));
        var conversation = (await api.WaitForConversationsAsync(c => c.Count == 1, "the HTML email"))[0];
        var stored = Assert.Single(await api.MessagesAsync(conversation.GetProperty("id").GetGuid()));

        Assert.Equal("Berikut fakturnya.\n\nOn Mon, 23 Nov 2026, Toko Maju wrote:\n> Silakan kirim fakturnya.", stored.GetProperty("body").GetString());
        var metadata = JsonDocument.Parse(stored.GetProperty("metadata").GetString()!).RootElement;
        var html = metadata.GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\ssrc=""http", html);
        Assert.Contains("data-remote-src=\"http://tracker.example/pixel.gif?u=siti\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"cid:logo@pelanggan.example\"", html, StringComparison.Ordinal);
        Assert.Contains("sahut-quoted", html, StringComparison.Ordinal);
        Assert.Equal("Berikut fakturnya.\n\n".Length, metadata.GetProperty("quotedFrom").GetInt32());
        Assert.Equal("logo@pelanggan.example", metadata.GetProperty("inline")[0].GetProperty("contentId").GetString());

        var attachments = stored.GetProperty("attachments").EnumerateArray().ToDictionary(a => a.GetProperty("fileName").GetString()!);
        Assert.Equal(["faktur.pdf", "logo.png"], attachments.Keys.Order());
        Assert.Equal(invoice, await api.Http.GetByteArrayAsync($"{api.Base}/attachments/{attachments["faktur.pdf"].GetProperty("id").GetGuid()}"));
        Assert.Equal(logo, await api.Http.GetByteArrayAsync($"{api.Base}/attachments/{attachments["logo.png"].GetProperty("id").GetGuid()}"));
        using var anonymous = host.CreateClient();
        var denied = await anonymous.GetAsync($"{api.Base}/attachments/{attachments["faktur.pdf"].GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
    }

    [Fact]
    public async Task Auto_replies_bounces_bulk_mail_and_our_own_messages_open_no_conversation()
    {
        var user = mail.AddUser();
        var to = MailServers.Address(user);
        string Noise(string headers, string from = "Budi <budi@pelanggan.example>") =>
            RawMails.Message(from, to, "Noise", "text/plain; charset=utf-8", "7bit", "otomatis", headers + "\n");
        await mail.DeliverRawAsync(user, Noise("Auto-Submitted: auto-replied"));
        await mail.DeliverRawAsync(user, Noise("Precedence: bulk"));
        await mail.DeliverRawAsync(user, Noise("Precedence: list"));
        await mail.DeliverRawAsync(user, Noise("X-Autoreply: yes"));
        await mail.DeliverRawAsync(user, Noise("X-Autorespond: Sedang cuti"));
        await mail.DeliverRawAsync(user, Noise("Return-Path: <>", "Mail Delivery System <mailer-daemon@pelanggan.example>"));
        await mail.DeliverRawAsync(user, Noise("", $"Support <{to}>"));
        await mail.DeliverRawAsync(user, $"""
            From: Mail Delivery Subsystem <postmaster@pelanggan.example>
            To: {to}
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-1@pelanggan.example>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            Delivery failed.
            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.pelanggan.example
            Final-Recipient: rfc822; nobody@pelanggan.example
            Action: failed
            Status: 5.1.1
            --b1--
            """);
        await mail.DeliverRawAsync(user, Noise("Auto-Submitted: no", "Budi <budi@pelanggan.example>").Replace("Subject: Noise", "Subject: Orang sungguhan", StringComparison.Ordinal));

        await using var host = new EmailHost(DataDir);
        var api = await host.SetupAsync();
        await api.ConnectEmailAsync(mail.ChannelSettings(user));
        var conversations = await api.WaitForConversationsAsync(c => c.Count >= 1, "the real person's email");

        // The real email came last in the mailbox, so every noise message before it was already handled.
        Assert.Equal("Orang sungguhan", Assert.Single(conversations).GetProperty("subject").GetString());
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SahutDbContext>().Messages.CountAsync());
    }

    [Theory]
    [InlineData(EmailHost.Sqlite)]
    [InlineData(EmailHost.Postgres)]
    public async Task A_malformed_message_is_quarantined_for_admins_and_the_next_ones_still_arrive(string database)
    {
        var user = mail.AddUser();
        var to = MailServers.Address(user);
        await mail.DeliverAsync(user, Mails.From("budi@pelanggan.example", to, "Sebelum", "satu"));
        await mail.DeliverRawAsync(user, $"To: {to}\nSubject: Tanpa pengirim\nMessage-ID: <broken-1@pelanggan.example>\n\nSiapa saya?");
        await mail.DeliverRawAsync(user, $"From: ???\nTo: {to}\nSubject: Pengirim rusak\n\nAlamat tidak valid");

        await using var host = await EmailHost.OnAsync(database, DataDir);
        var api = await host.SetupAsync();
        var channelId = await api.ConnectEmailAsync(mail.ChannelSettings(user));
        await api.WaitForConversationsAsync(c => c.Count == 1, "the good email before the broken ones");
        await mail.DeliverAsync(user, Mails.From("budi@pelanggan.example", to, "Sesudah", "dua"));

        var conversations = await api.WaitForConversationsAsync(c => c.Count == 2, "the good email after the broken ones");
        Assert.Equal(["Sebelum", "Sesudah"], conversations.Select(c => c.GetProperty("subject").GetString()).Order());
        var quarantine = await api.Http.GetFromJsonAsync<JsonElement>($"{api.Base}/channels/{channelId}/email/quarantine");
        Assert.Equal(["Pengirim rusak", "Tanpa pengirim"], quarantine.EnumerateArray().Select(q => q.GetProperty("subject").GetString()).Order());
        var item = quarantine.EnumerateArray().Single(q => q.GetProperty("subject").GetString() == "Tanpa pengirim");
        Assert.Contains("From", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var raw = await api.Http.GetStringAsync($"{api.Base}/channels/{channelId}/email/quarantine/{item.GetProperty("id").GetGuid()}/raw");
        Assert.Contains("Siapa saya?", raw, StringComparison.Ordinal);
    }

    private static (string Subject, string Body, string Raw) Case(string subject, string body, Func<string, string, string> raw) => (subject, body, raw(subject, body));
}
