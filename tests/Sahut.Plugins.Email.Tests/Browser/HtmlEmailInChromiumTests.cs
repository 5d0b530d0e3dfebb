using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using Sahut.Plugins.Email.Tests.Infrastructure;

namespace Sahut.Plugins.Email.Tests.Browser;

/// <summary>An HTML email with a script, a tracking pixel and an attachment, opened in Debian's Chromium (never a downloaded browser).</summary>
[Collection(MailServersCollection.Name)]
public sealed class HtmlEmailInChromiumTests(MailServers mail) : TempDataDir
{
    [Fact]
    public async Task An_HTML_email_shows_safely_and_its_attachment_downloads_in_the_browser()
    {
        var user = mail.AddUser();
        var invoice = "%PDF-1.4 faktur Rp150.000"u8.ToArray();
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Siti Rahayu", "siti@pelanggan.example"));
        message.To.Add(MailboxAddress.Parse(MailServers.Address(user)));
        message.Subject = "Faktur pesanan";
        var body = new BodyBuilder
        {
            TextBody = "Mohon dicek fakturnya <script>alert('teks')</script>\n\nPada 20 Nov 2026, Toko Maju menulis:\n> Terlampir faktur pesanan Anda.",
            HtmlBody = "<p>Mohon dicek <b>fakturnya</b></p><script>alert('html')</script><img src=\"http://127.0.0.1:9/pixel.gif\">",
        };
        body.Attachments.Add("faktur.pdf", invoice, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        await mail.DeliverAsync(user, message);

        await using var host = new EmailHost(DataDir);
        var baseUrl = host.StartOnKestrel();
        var api = await host.SetupAsync();
        await api.ConnectEmailAsync(mail.ChannelSettings(user));
        var conversationId = (await api.WaitForConversationsAsync(c => c.Count == 1, "the HTML email"))[0].GetProperty("id").GetGuid();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "id-ID" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var remoteRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(baseUrl, StringComparison.Ordinal))
            {
                remoteRequests.Add(request.Url);
            }
        };

        await page.GotoAsync("/login");
        await page.Locator("input[type=email]").FillAsync("owner@example.com");
        await page.Locator("input[type=password]").FillAsync("Rahasia-123");
        await page.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/login"));
        await page.GotoAsync($"/w/{api.WorkspaceId}/inbox/{conversationId}");

        await Assertions.Expect(page.Locator("div.body", new() { HasText = "Mohon dicek fakturnya <script>alert('teks')</script>" })).ToBeVisibleAsync();

        // Quoted history is collapsed until asked for.
        var quoted = page.Locator("details.quoted");
        await Assertions.Expect(quoted).ToHaveCountAsync(1);
        await Assertions.Expect(quoted.Locator(".body")).Not.ToBeVisibleAsync();
        await quoted.Locator("summary").ClickAsync();
        await Assertions.Expect(quoted.Locator(".body")).ToContainTextAsync("Terlampir faktur pesanan Anda.");

        // The original HTML opens in a sandboxed frame: formatting shows, its script and remote image do nothing.
        await page.GetByText("Tampilan asli (HTML)").ClickAsync();
        var frame = page.Locator("iframe.email-frame");
        await Assertions.Expect(frame).ToBeVisibleAsync();
        Assert.Equal("", await frame.GetAttributeAsync("sandbox"));
        await Assertions.Expect(page.FrameLocator("iframe.email-frame").Locator("b")).ToHaveTextAsync("fakturnya");
        var attachment = page.Locator("a.attachment", new() { HasText = "faktur.pdf" });
        await Assertions.Expect(attachment).ToBeVisibleAsync();
        var href = await attachment.GetAttributeAsync("href");
        var download = await context.APIRequest.GetAsync(href!);
        Assert.Equal(200, download.Status);
        Assert.Equal(invoice, await download.BodyAsync());
        Assert.Empty(dialogs);
        Assert.Empty(remoteRequests);

        // The same link without the session is refused.
        var anonymous = await playwright.APIRequest.NewContextAsync(new() { BaseURL = baseUrl });
        Assert.Equal(401, (await anonymous.GetAsync(href!)).Status);
    }
}
