using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sahut.Accounts;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Web.Tests.Browser;

/// <summary>The inbox with real rows (no channel plugin installed), at desktop and phone sizes; screenshots for people to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxScreenshotTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Email = "andi@tokomaju.id";
    private const string Password = "Rahasia123";

    [Fact]
    public async Task Inbox_renders_real_conversations_on_desktop_and_without_horizontal_scroll_at_360px()
    {
        var (workspaceId, conversationId) = await SeedAsync();

        var desktop = await app.NewPageAsync(1280, 800);
        await LogInAsync(desktop);
        await desktop.GotoAsync($"/w/{workspaceId}/inbox/{conversationId}");
        await Assertions.Expect(desktop.Locator(".row")).ToHaveCountAsync(3); // open ones; Budi is pending
        await Assertions.Expect(desktop.Locator(".note")).ToContainTextAsync("gudang Cakung");
        await Assertions.Expect(desktop.Locator(".tick-read")).ToHaveCountAsync(1);
        await Assertions.Expect(desktop.Locator(".tick-failed")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(desktop, "inbox-desktop");

        await desktop.GotoAsync($"/w/{workspaceId}/inbox?status=any");
        await Screenshots.SaveAsync(desktop, "inbox-desktop-list");

        var phone = await app.NewPageAsync(360, 740);
        await LogInAsync(phone);
        await phone.GotoAsync($"/w/{workspaceId}/inbox");
        await Assertions.Expect(phone.Locator(".row").First).ToBeVisibleAsync();
        Assert.True(await NoHorizontalScrollAsync(phone), "inbox list scrolls sideways at 360px");
        await Screenshots.SaveAsync(phone, "inbox-phone-list");

        await phone.Locator(".row").First.ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/inbox/[0-9a-f-]{36}"));
        await Assertions.Expect(phone.Locator(".list")).ToBeHiddenAsync();
        Assert.True(await NoHorizontalScrollAsync(phone), "conversation scrolls sideways at 360px");
        await Screenshots.SaveAsync(phone, "inbox-phone");

        // Notes are open to everyone, even when the channel plugin is missing.
        await phone.GetByText("Catatan Internal", new() { Exact = true }).ClickAsync();
        await phone.GetByPlaceholder("Tulis catatan untuk tim…").FillAsync("Sudah saya telepon, paket diantar besok.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Tambah catatan" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".note").Last).ToContainTextAsync("diantar besok");

        // A refused reply (Dewi wrote a day ago: WhatsApp's 24-hour window is closed) comes back as a friendly message, not an error page.
        await phone.GotoAsync($"/w/{workspaceId}/inbox");
        await phone.Locator(".row", new() { HasText = "Dewi Lestari" }).ClickAsync();
        await phone.GetByPlaceholder("Ketik balasan…").FillAsync("Halo kak");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Kirim" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".flash-error")).ToContainTextAsync("Jendela balasan 24 jam");

        // The menu opens from the top bar and still does not scroll sideways.
        await phone.Locator(".nav-btn").ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Kontak" })).ToBeVisibleAsync();
        Assert.True(await NoHorizontalScrollAsync(phone), "menu scrolls sideways at 360px");

        foreach (var path in new[] { "contacts", "settings/members", "settings/tokens", "settings/channels", "settings/profile" })
        {
            await phone.GotoAsync($"/w/{workspaceId}/{path}");
            Assert.True(await NoHorizontalScrollAsync(phone), $"{path} scrolls sideways at 360px");
        }

        await Screenshots.SaveAsync(phone, "settings-phone-profile");
    }

    private static Task<bool> NoHorizontalScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    private static async Task LogInAsync(IPage page)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Kata sandi").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inbox"));
    }

    /// <summary>A workspace whose rows are inserted directly (channel settings are placeholders): the inbox shows them all the same.</summary>
    private async Task<(Guid Workspace, Guid Conversation)> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var setup = await sp.GetRequiredService<SetupService>().SetupAsync("Toko Maju", Email, Password, CancellationToken.None);
        var sari = await sp.GetRequiredService<WorkspaceService>().AddMemberAsync(setup.WorkspaceId, "sari@tokomaju.id", Password, WorkspaceRole.Agent, CancellationToken.None);
        var db = sp.GetRequiredService<SahutDbContext>();
        var ws = setup.WorkspaceId;
        var now = DateTime.UtcNow;
        var whatsapp = new Channel { WorkspaceId = ws, Type = "whatsapp", Name = "CS Jakarta", EncryptedSettings = "-", WebhookKey = "k1", CreatedAt = now.AddDays(-30) };
        var email = new Channel { WorkspaceId = ws, Type = "email", Name = "Support", EncryptedSettings = "-", WebhookKey = "k2", CreatedAt = now.AddDays(-30) };
        db.Channels.AddRange(whatsapp, email);

        var rina = Conversation(db, ws, whatsapp, "Rina Wulandari", "phone", "+6281377712345", now.AddMinutes(-3), ConversationStatus.Open, null);
        Message(db, rina, MessageDirection.In, "Halo, paket saya dengan resi JNE 0123 4567 8901 belum sampai. Bisa dicek?", now.AddMinutes(-14));
        db.Notes.Add(new Note { WorkspaceId = ws, ConversationId = rina.Id, AuthorId = sari.Id, Body = "@Andi resi ini tertahan di gudang Cakung, sudah saya eskalasi.", CreatedAt = now.AddMinutes(-12) });
        Message(db, rina, MessageDirection.Out, "Baik Kak Rina, kami cek ke JNE dulu ya", now.AddMinutes(-11), setup.UserId, DeliveryStatus.Read);
        Message(db, rina, MessageDirection.In, "Oke kak, ditunggu", now.AddMinutes(-3));
        var photo = Message(db, rina, MessageDirection.In, null, now.AddMinutes(-3), kind: "image");
        db.Attachments.Add(new Attachment { WorkspaceId = ws, MessageId = photo.Id, FileName = "foto-paket.jpg", ContentType = "image/jpeg" });

        var siti = Conversation(db, ws, email, "Siti Nurhaliza", "email", "siti@contoh.id", now.AddMinutes(-25), ConversationStatus.Open, setup.UserId);
        Message(db, siti, MessageDirection.In, "Pesanan #4821 belum diterima — mohon dibantu.", now.AddMinutes(-25));

        var budi = Conversation(db, ws, whatsapp, null, "phone", "+6281234567890", now.AddHours(-2), ConversationStatus.Pending, sari.Id);
        Message(db, budi, MessageDirection.In, "Apakah ukuran L masih ada?", now.AddHours(-3));
        Message(db, budi, MessageDirection.Out, "Masih kak, mau dikirim ke alamat yang sama?", now.AddHours(-2), sari.Id, DeliveryStatus.Delivered);

        var dewi = Conversation(db, ws, whatsapp, "Dewi Lestari", "phone", "+6285712345678", now.AddDays(-1), ConversationStatus.Open, null);
        Message(db, dewi, MessageDirection.In, "Kak, bisa COD?", now.AddDays(-1).AddMinutes(-5));
        var failed = Message(db, dewi, MessageDirection.Out, "Bisa kak, untuk area Jabodetabek.", now.AddDays(-1), setup.UserId, DeliveryStatus.Failed);
        failed.FailureCode = "131047";
        failed.FailureReason = "Re-engagement message";

        var old = Conversation(db, ws, whatsapp, null, "phone", "+6281377712345", now.AddDays(-40), ConversationStatus.Resolved, null, existingContact: rina.ContactId);
        Message(db, old, MessageDirection.In, "Mau tukar ukuran", now.AddDays(-40));
        await db.SaveChangesAsync();
        return (ws, rina.Id);
    }

    private static Conversation Conversation(
        SahutDbContext db, Guid ws, Channel channel, string? name, string kind, string value, DateTime last, ConversationStatus status, Guid? assignee, Guid? existingContact = null)
    {
        var contactId = existingContact ?? Guid.CreateVersion7();
        if (existingContact is null)
        {
            var contact = new Contact { Id = contactId, WorkspaceId = ws, Name = name, CreatedAt = last.AddDays(-60) };
            contact.Identities.Add(new ContactIdentity { WorkspaceId = ws, ContactId = contactId, Kind = kind, Value = value });
            db.Contacts.Add(contact);
        }

        var conversation = new Conversation
        {
            WorkspaceId = ws, ChannelId = channel.Id, ContactId = contactId, Status = status, AssigneeId = assignee,
            CreatedAt = last.AddHours(-1), LastMessageAt = last, LastInboundAt = last,
        };
        db.Conversations.Add(conversation);
        return conversation;
    }

    private static Message Message(
        SahutDbContext db, Conversation conversation, MessageDirection direction, string? body, DateTime at, Guid? author = null, DeliveryStatus status = DeliveryStatus.Pending, string kind = "text")
    {
        var message = new Message
        {
            WorkspaceId = conversation.WorkspaceId, ConversationId = conversation.Id, ChannelId = conversation.ChannelId, Direction = direction,
            Kind = kind, Body = body, AuthorId = author, DeliveryStatus = status, CreatedAt = at, StatusAt = at,
            ProviderMessageId = "wamid." + Guid.NewGuid().ToString("N"),
        };
        db.Messages.Add(message);
        if (direction == MessageDirection.In)
        {
            conversation.MessagesIn++;
        }
        else
        {
            conversation.MessagesOut++;
        }

        conversation.LastMessagePreview = Sahut.Inbox.MessagePreview.Of(kind, body);
        return message;
    }
}
