using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Sahut.Web.Tests.Browser;

/// <summary>
/// The real app on a real Kestrel socket (127.0.0.1, free port, temp data directory) and Debian's Chromium driven by
/// Playwright. No browser is ever downloaded: the system /usr/bin/chromium is launched directly.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly KestrelFactory factory = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl => factory.BaseUrl;

    public IServiceProvider Services => factory.Services;

    public async Task InitializeAsync()
    {
        factory.StartServer();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await factory.DisposeAsync();
    }

    private sealed class KestrelFactory : WebApplicationFactory<Program>
    {
        private readonly int port = FreePort();
        private readonly string dataDir = Path.Combine(Path.GetTempPath(), "sahut-browser-" + Guid.NewGuid().ToString("N"));

        public KestrelFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, port));

        public string BaseUrl => $"http://127.0.0.1:{port}";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("urls", BaseUrl);
            builder.UseSetting("Sahut:DataDir", dataDir);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Only a temp folder is left behind.
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    // Browser tests share the two cores politely: one Chromium at a time.
    public const string Name = "Browser";
}
