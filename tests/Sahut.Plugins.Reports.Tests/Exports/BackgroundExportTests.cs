using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sahut.Plugins.Reports.Tests.Infrastructure;

namespace Sahut.Plugins.Reports.Tests.Exports;

/// <summary>An export above the interactive limit runs in the background: progress, then a download of the same CSV.</summary>
public sealed class BackgroundExportTests : IAsyncLifetime
{
    private readonly ReportsApp app = new(settings: new() { ["Sahut:Reports:InteractiveRowLimit"] = "2", ["Sahut:Reports:ProgressEveryRows"] = "1" });
    private ReportsWorld world = null!;

    public async Task InitializeAsync() => world = await ReportsWorld.CreateAsync(app);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Large_export_runs_in_the_background_and_its_file_matches_the_streamed_csv()
    {
        for (var i = 0; i < 5; i++)
        {
            await world.AddConversationAsync($"Pelanggan {i}", $"+62811{i:D7}", null, ReportsWorld.Utc("2026-11-02T03:00:00Z").AddHours(i));
        }

        var owner = await SignIn.AsAsync(app, ReportsWorld.OwnerEmail);
        var count = await owner.GetFromJsonAsync<JsonElement>(world.Api + "/exports/conversations/count?from=2026-11-01&to=2026-11-30");
        Assert.Equal(5, count.GetProperty("rows").GetInt64());
        Assert.True(count.GetProperty("background").GetBoolean());

        var page = $"/w/{world.WorkspaceId}/settings/reports";
        var token = await SignIn.AntiforgeryTokenAsync(owner, page);
        var started = await owner.PostAsync(page + "?handler=Background", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["dataset"] = "conversations", ["from"] = "2026-11-01", ["to"] = "2026-11-30", ["channelId"] = "", ["agentId"] = "",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var html = await owner.GetStringAsync(page);
        var jobUrl = System.Text.RegularExpressions.Regex.Match(html, "data-job=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(jobUrl);

        JsonElement job = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            job = await owner.GetFromJsonAsync<JsonElement>(jobUrl);
            if (job.GetProperty("status").GetString() is "done" or "failed")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(5, job.GetProperty("rowsWritten").GetInt64());
        Assert.Equal(100, job.GetProperty("percent").GetInt32());
        var file = await Csv.GetAsync(owner, jobUrl + "/file");
        var streamed = await Csv.GetAsync(owner, world.Api + "/exports/conversations.csv?from=2026-11-01&to=2026-11-30");
        Assert.Equal(streamed.Bytes, file.Bytes);

        // Another workspace's token cannot see the job or its file.
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientWithToken(world.OtherToken).GetAsync(jobUrl + "/file")).StatusCode);
    }
}
