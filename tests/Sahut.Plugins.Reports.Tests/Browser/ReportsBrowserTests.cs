using Microsoft.Playwright;
using Sahut.Plugins.Reports.Tests.Infrastructure;
using Sahut.Tests.Infrastructure;

namespace Sahut.Plugins.Reports.Tests.Browser;

/// <summary>In Debian's Chromium: the export page downloads the CSV, the dashboard draws its charts (desktop and 360 px).</summary>
public sealed class ReportsBrowserTests : IAsyncLifetime
{
    private readonly ReportsApp app = new(kestrel: true);
    private IPlaywright? playwright;
    private IBrowser browser = null!;
    private ReportsWorld world = null!;

    public async Task InitializeAsync()
    {
        app.StartServer();
        world = await ReportsWorld.CreateAsync(app);
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
        playwright?.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Export_downloads_and_dashboard_renders_its_charts()
    {
        var today = DateTime.UtcNow.Date.AddHours(2);
        for (var i = 0; i < 24; i++)
        {
            await world.AddConversationAsync($"Pelanggan {i}", $"+62813{i:D7}", null, today.AddDays(-(i % 8)).AddMinutes(i * 7),
                channel: i % 3 == 0 ? world.EmailChannel : world.WhatsAppChannel, assignee: i % 2 == 0 ? world.AgentId : world.OwnerId,
                firstResponseAfter: TimeSpan.FromMinutes(5 + i), resolvedAfter: i % 4 == 0 ? null : TimeSpan.FromHours(1 + i));
        }

        var page = await NewSignedInPageAsync(1280, 900);
        await page.GotoAsync($"/w/{world.WorkspaceId}/settings/reports");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-download").ClickAsync());
        var path = Path.Combine(app.DataDir, "downloaded.csv");
        await download.SaveAsAsync(path);
        var csv = Csv.Parse(await File.ReadAllBytesAsync(path));
        Assert.Equal("conversation_id", csv.Header[0]);
        Assert.Equal(24, csv.Rows.Count());
        await Assertions.Expect(page.Locator(".export-progress-text")).ToContainTextAsync("24");
        await Save(page, "reports-export");

        await page.GotoAsync($"/w/{world.WorkspaceId}/reports");
        await Assertions.Expect(page.Locator("body[data-charts-ready='true']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-figure='conversations']")).ToHaveTextAsync("24");
        Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart('chart-days') && !!Chart.getChart('chart-durations')"));
        await Save(page, "reports-dashboard-desktop");

        var phone = await NewSignedInPageAsync(360, 740);
        await phone.GotoAsync($"/w/{world.WorkspaceId}/reports");
        await Assertions.Expect(phone.Locator("body[data-charts-ready='true']")).ToHaveCountAsync(1);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "dashboard scrolls sideways at 360px");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("reports-dashboard-phone"), FullPage = true });
    }

    private async Task<IPage> NewSignedInPageAsync(int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.Locator("input[name='Input.Email']").FillAsync(ReportsWorld.OwnerEmail);
        await page.Locator("input[name='Input.Password']").FillAsync(ReportsApp.Password);
        await page.Locator("form button[type='submit']").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    private static Task Save(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name), FullPage = true });

    private static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "test-results", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
