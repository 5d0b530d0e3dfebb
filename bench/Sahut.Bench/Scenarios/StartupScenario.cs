using System.Text.Json;

namespace Sahut.Bench.Scenarios;

/// <summary>
/// Process start to <c>/health/ready</c> with every plugin loaded. Target ≤ 3 s. The build output by default;
/// <c>--published</c> measures the layout Sahut ships in (build/publish.sh, ReadyToRun), as the Docker image runs it.
/// </summary>
public static class StartupScenario
{
    public static async Task RunAsync(BenchOptions options, Report report)
    {
        Report.Heading(options.Published ? "startup (published layout, ReadyToRun)" : "startup (build output)");
        var webDll = options.Published ? await SahutProcess.PublishAsync() : null;
        var (dataDir, _, _, _) = await SahutProcess.SetupAsync(options.Postgres);
        var times = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var (sahut, startedIn) = await SahutProcess.StartAsync(dataDir, options.Postgres, webDll);
            await using (sahut)
            {
                times.Add(startedIn.TotalMilliseconds);
                using var http = new HttpClient { BaseAddress = sahut.BaseAddress };
                var ready = JsonDocument.Parse(await http.GetStringAsync("health/ready")).RootElement;
                var plugins = ready.GetProperty("plugins").EnumerateArray().Select(p => (Id: p.GetProperty("id").GetString(), State: p.GetProperty("state").GetString())).ToList();
                if (run == 0)
                {
                    report.Figure("plugins", string.Join(", ", plugins.Select(p => $"{p.Id}:{p.State}")));
                }

                if (plugins.Count < 4 || plugins.Any(p => p.State != "loaded"))
                {
                    report.Error("not every plugin loaded: " + string.Join(", ", plugins.Select(p => $"{p.Id}:{p.State}")));
                }
            }
        }

        report.Figure("start → ready, 5 runs", Stats.Summary(times));
        var median = Stats.Percentile(times, 50) / 1000;
        report.Check("median start → ready (s)", median, median <= 3, "≤ 3 s");
    }
}
