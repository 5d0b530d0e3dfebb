using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sahut.Web.Tests.Browser;

namespace Sahut.Web.Tests.Team;

/// <summary>Issue #6 in real browsers: Andi and Sari, each in a browser context of their own, work one conversation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoAgentsBrowserTests(TeamServer server) : IClassFixture<TeamServer>, IAsyncLifetime
{
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }

    [Fact]
    public async Task Typing_locks_the_other_agent_sending_and_changes_appear_live_and_a_mention_notifies()
    {
        var conversation = await server.CustomerWritesAsync("081377712345", "Rina Wulandari", "Halo, paket saya belum sampai. Bisa dicek?");
        var url = $"/w/{server.WorkspaceId}/inbox/{conversation}";
        var andi = await SignedInPageAsync(TeamServer.Andi, url);
        var sari = await SignedInPageAsync(TeamServer.Sari, url);
        await Expect(sari.Locator("#presence")).ToContainTextAsync("Andi juga melihat");

        // Andi types: Sari sees him replying, her reply box is locked, her note box is not.
        await andi.Locator("#reply-box").FillAsync("Baik kak, kami cek ke JNE dulu ya");
        await Expect(sari.Locator("#reply-lock")).ToContainTextAsync("Andi sedang membalas");
        await Expect(sari.Locator("#reply-box")).ToBeDisabledAsync();
        await Expect(sari.Locator($"[data-live-row='{conversation}']")).ToContainTextAsync("Andi sedang membalas");
        await sari.GetByText("Catatan Internal", new() { Exact = true }).ClickAsync();
        await sari.GetByPlaceholder("Tulis catatan untuk tim…").FillAsync("Saya pantau resinya");
        await sari.GetByRole(AriaRole.Button, new() { Name = "Tambah catatan" }).ClickAsync();
        await Expect(sari.Locator(".note").Last).ToContainTextAsync("Saya pantau resinya");
        await Expect(andi.Locator(".note").Last).ToContainTextAsync("Saya pantau resinya");
        await WaitLiveAsync(sari);
        await sari.EvaluateAsync("() => window.sameDocument = true");

        // Andi keeps typing and sends: Sari sees the message without a reload and may reply again.
        await andi.Locator("#reply-box").PressSequentiallyAsync(" ya");
        await Expect(sari.Locator("#reply-box")).ToBeDisabledAsync();
        await andi.GetByRole(AriaRole.Button, new() { Name = "Kirim" }).ClickAsync();
        await Expect(sari.Locator(".m.out").Last).ToContainTextAsync("kami cek ke JNE dulu ya");
        await Expect(sari.Locator("#reply-box")).ToBeEnabledAsync();
        await Expect(sari.Locator("#reply-lock")).ToBeHiddenAsync();

        // Andi types and stops: the lease lapses and Sari's reply box opens by itself.
        await WaitLiveAsync(andi);
        await andi.Locator("#reply-box").FillAsync("Sebentar");
        await Expect(sari.Locator("#reply-box")).ToBeDisabledAsync();
        await Expect(sari.Locator("#reply-box")).ToBeEnabledAsync(new() { Timeout = (float)(TeamServer.ReplyLease * 4).TotalMilliseconds });
        await andi.Locator("#reply-box").FillAsync("");

        // Assignment and status changes appear live.
        await andi.Locator("select[name=assigneeId]").SelectOptionAsync(server.UserIds[TeamServer.Andi].ToString());
        await Expect(sari.Locator("[data-region=assigned]")).ToContainTextAsync("ditugaskan ke Andi");
        await Expect(sari.Locator("#reply-box")).ToBeDisabledAsync();
        await Expect(sari.Locator("select[name=assigneeId]")).ToHaveValueAsync(server.UserIds[TeamServer.Andi].ToString());
        await WaitLiveAsync(andi);
        await andi.Locator("select[name=newStatus]").SelectOptionAsync("pending");
        await Expect(sari.Locator("select[name=newStatus]")).ToHaveValueAsync("pending");

        // An @mention notifies Sari in-app.
        await WaitLiveAsync(andi);
        await andi.GetByText("Catatan Internal", new() { Exact = true }).ClickAsync();
        await andi.GetByPlaceholder("Tulis catatan untuk tim…").FillAsync("@sari tolong telepon pelanggan ini");
        await andi.GetByRole(AriaRole.Button, new() { Name = "Tambah catatan" }).ClickAsync();
        await Expect(sari.Locator(".notif .badge")).ToHaveTextAsync("1");
        await Expect(sari.Locator(".toast")).ToContainTextAsync("tolong telepon");
        await Expect(sari.Locator(".note").Last).ToContainTextAsync("@sari tolong telepon");

        Assert.True(await sari.EvaluateAsync<bool>("() => window.sameDocument === true"), "Sari's page reloaded");
        await Screenshots.SaveAsync(sari, "team-sari-live");
    }

    private async Task<IPage> SignedInPageAsync(string email, string url)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(TeamServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/inbox"));
        await page.GotoAsync(url);
        await WaitLiveAsync(page);
        return page;
    }

    private static Task WaitLiveAsync(IPage page) => Expect(page.Locator("#inbox[data-live=on]")).ToHaveCountAsync(1);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
