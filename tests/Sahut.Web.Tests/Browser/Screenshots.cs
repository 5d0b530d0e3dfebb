using Microsoft.Playwright;
using Sahut.Web.Tests.Pages;

namespace Sahut.Web.Tests.Browser;

/// <summary>Screenshots go to test-results/screenshots/ at the repository root.</summary>
public static class Screenshots
{
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepoRoot.Find(), "test-results", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }
}
