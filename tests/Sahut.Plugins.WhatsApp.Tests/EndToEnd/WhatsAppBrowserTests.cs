using Microsoft.Playwright;
using Sahut.FakeGraphApi;
using Sahut.Plugins.WhatsApp.Tests.Infrastructure;

namespace Sahut.Plugins.WhatsApp.Tests.EndToEnd;

/// <summary>
/// The agent's side in Debian's Chromium: a signed delivery from the fake shows up in the inbox, the agent's reply
/// reaches the fake Graph API, a status webhook turns the ticks blue without a reload, and outside the 24-hour window
/// the agent sends an approved template from the picker.
/// </summary>
public sealed class WhatsAppBrowserTests
{
    [Fact]
    public async Task Delivery_to_inbox_reply_to_provider_status_ticks_and_template_outside_the_window()
    {
        await using var stack = await WhatsAppStack.StartAsync();
        stack.Fake.Templates.AddRange(Fixture.Json("outbound/templates-list.response.json")["data"]!.AsArray().Select(t => t!.DeepClone().AsObject()));
        await stack.DeliverAsync(WhatsAppStack.InboundText("wamid.B-OLD", "6281211112222", "Kemarin saya pesan", DateTimeOffset.UtcNow.AddHours(-30)));
        await stack.DeliverAsync(WhatsAppStack.InboundText("wamid.B-1", "6281377712345", "Halo, paket saya belum sampai", DateTimeOffset.UtcNow));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = stack.Api.BaseAddress!.ToString(), Locale = "id-ID", TimezoneId = "Asia/Jakarta" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync("owner@example.com");
        await page.GetByLabel("Kata sandi").FillAsync("Rahasia-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.GotoAsync($"/w/{stack.WorkspaceId}/inbox");

        await page.Locator(".row", new() { HasText = "paket saya belum sampai" }).ClickAsync();
        await Assertions.Expect(page.Locator("main").GetByText("Halo, paket saya belum sampai").Last).ToBeVisibleAsync();
        await page.Locator("#reply-box").FillAsync("Baik Kak Rina, kami cek dulu ya.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim" }).ClickAsync();

        var send = await stack.Fake.WaitForAsync(r => r.Method == "POST" && r.Path == $"/{FakeGraphServer.Version}/{WhatsAppStack.PhoneNumberId}/messages" && r.Json.GetProperty("type").GetString() == "text");
        Assert.Equal("Baik Kak Rina, kami cek dulu ya.", send.Json.GetProperty("text").GetProperty("body").GetString());
        var conversationId = Guid.Parse(page.Url.Split('/', '?')[6]);
        await stack.WaitForMessageAsync(conversationId, m => m.GetProperty("deliveryStatus").GetString() == "sent");

        // No reload from here on: the status webhook and a new customer message arrive live.
        await page.EvaluateAsync("window.__sameDocument = true");
        await Assertions.Expect(page.Locator("#inbox[data-live=on]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var wamid = Assert.Single(stack.Fake.IssuedMessageIds);
        await stack.DeliverAsync(Fixture.CloudStatus(wamid, "read", DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await Assertions.Expect(page.Locator(".tick-read")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await stack.DeliverAsync(WhatsAppStack.InboundText("wamid.B-2", "6281377712345", "Terima kasih kak!", DateTimeOffset.UtcNow));
        await Assertions.Expect(page.Locator(".body", new() { HasText = "Terima kasih kak!" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the page reloaded");

        // Outside the window the picker is open; a positional template is filled in and sent.
        await page.GotoAsync($"/w/{stack.WorkspaceId}/inbox");
        await page.Locator(".row", new() { HasText = "Kemarin saya pesan" }).ClickAsync();
        var picker = page.Locator("details.tpl");
        Assert.NotNull(await picker.GetAttributeAsync("open"));
        var form = picker.Locator(".tpl-form", new() { HasText = "order_shipped" });
        await form.Locator("input[name=values]").Nth(0).FillAsync("Budi");
        await form.Locator("input[name=values]").Nth(1).FillAsync("JNE-0123");
        await form.GetByRole(AriaRole.Button, new() { Name = "Kirim template" }).ClickAsync();
        var template = await stack.Fake.WaitForAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Json.GetProperty("type").GetString() == "template");
        Assert.Equal("order_shipped", template.Json.GetProperty("template").GetProperty("name").GetString());
        Assert.Contains("JNE-0123", template.Json.GetProperty("template").GetRawText(), StringComparison.Ordinal);
        await Assertions.Expect(picker.Locator(".tpl-form", new() { HasText = "promo_akhir_bulan" })).ToHaveCountAsync(0);
    }
}
