using System.Globalization;

namespace Sahut.Bench.Scenarios;

/// <summary>
/// The inbox list at 100k conversations / 1M messages: first page of each filter and search, and the contacts list
/// with its search. Server-side time is read from Sahut's Server-Timing header. Target p95 ≤ 30 ms.
/// </summary>
public static class InboxScenario
{
    public static async Task RunAsync(BenchOptions options, Report report)
    {
        Report.Heading($"inbox ({options.Conversations:N0} conversations × {options.MessagesPerConversation} messages)");
        var (dataDir, workspaceId, ownerId, token) = await SahutProcess.SetupAsync(options.Postgres);
        var seed = await new Seeder(dataDir, options.Postgres).SeedAsync(workspaceId, ownerId, options.Conversations, options.MessagesPerConversation);
        report.Figure("seeded in", $"{seed.Took.TotalSeconds:0.0} s");
        var (sahut, _) = await SahutProcess.StartAsync(dataDir, options.Postgres);
        await using var _ = sahut;
        using var api = sahut.Client(token);
        var conversations = $"api/v1/workspaces/{workspaceId}/conversations";
        var contacts = $"api/v1/workspaces/{workspaceId}/contacts";
        var queries = new (string Name, string Url)[]
        {
            ("all", conversations),
            ("status=open", conversations + "?status=open"),
            ("status=resolved", conversations + "?status=resolved"),
            ("assignee=unassigned", conversations + "?assignee=unassigned"),
            ($"assignee={{owner}}", conversations + $"?assignee={ownerId}"),
            ("channelId", conversations + $"?channelId={seed.ChannelIds[1]}"),
            ("status=pending&assignee=unassigned", conversations + "?status=pending&assignee=unassigned"),
            ("page 40", conversations + "?page=40"),
            ("q=name", conversations + "?q=Wati%2099"),
            ("q=phone (local 08…)", conversations + "?q=081100012345"),
            ("q=phone digits", conversations + "?q=12345"),
            ("contacts", contacts),
            ("contacts q=name", contacts + "?q=Wati%2099"),
            ("contacts q=phone digits", contacts + "?q=12345"),
        };

        var worst = 0.0;
        foreach (var (name, url) in queries)
        {
            var serverTimes = new List<double>();
            for (var i = 0; i < 60; i++)
            {
                using var response = await api.GetAsync(url);
                if (!response.IsSuccessStatusCode)
                {
                    report.Error($"{name}: {(int)response.StatusCode}");
                    break;
                }

                await response.Content.ReadAsByteArrayAsync();
                if (i >= 10)
                {
                    serverTimes.Add(ServerTime(response));
                }
            }

            var p95 = Stats.Percentile(serverTimes, 95);
            worst = Math.Max(worst, p95);
            report.Figure(name, Stats.Summary(serverTimes));
        }

        report.Check("worst p95 server-side (ms)", worst, worst <= 30, "≤ 30 ms");
    }

    public static double ServerTime(HttpResponseMessage response)
    {
        var header = response.Headers.TryGetValues("Server-Timing", out var values) ? values.First() : "";
        var dur = header.Split(';').FirstOrDefault(p => p.StartsWith("dur=", StringComparison.Ordinal));
        return dur is null ? double.NaN : double.Parse(dur[4..], CultureInfo.InvariantCulture);
    }
}
