using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Sahut.Plugins.Reports.Tests.Infrastructure;

namespace Sahut.Plugins.Reports.Tests.Dashboard;

/// <summary>The dashboard's figures equal figures computed independently from the CSV for the same filters.</summary>
public sealed class DashboardFiguresTests : IAsyncLifetime
{
    private readonly ReportsApp app = new();
    private ReportsWorld world = null!;

    public async Task InitializeAsync() => world = await ReportsWorld.CreateAsync(app);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Summary_matches_the_csv_for_the_same_filters()
    {
        var random = new Random(8);
        for (var i = 0; i < 60; i++)
        {
            var created = ReportsWorld.Utc("2026-10-31T15:00:00Z").AddMinutes(random.Next(0, 60 * 24 * 12));
            await world.AddConversationAsync(
                $"Pelanggan {i}", $"+62812{i:D7}", null, created,
                channel: i % 3 == 0 ? world.EmailChannel : world.WhatsAppChannel,
                assignee: (i % 4) switch { 0 => null, 1 => world.AgentId, _ => world.OwnerId },
                firstResponseAfter: i % 5 == 0 ? null : TimeSpan.FromMinutes(random.Next(1, 300)),
                resolvedAfter: i % 3 == 1 ? null : TimeSpan.FromMinutes(random.Next(30, 60 * 72)));
        }

        var client = app.ClientWithToken(world.Token);
        foreach (var filter in new[] { "?from=2026-11-01&to=2026-11-10", $"?from=2026-11-01&to=2026-11-10&channelId={world.WhatsAppChannel}", $"?from=2026-11-03&to=2026-11-07&agentId={world.AgentId}" })
        {
            var csv = await Csv.GetAsync(client, world.Api + "/exports/conversations.csv" + filter);
            var summary = await client.GetFromJsonAsync<JsonElement>(world.Api + "/reports/summary" + filter);

            Assert.True(csv.Rows.Any(), filter);
            Assert.Equal(csv.Rows.Count(), summary.GetProperty("conversations").GetInt32());
            Assert.Equal(csv.Rows.Count(r => csv.Cell(r, "resolved_at") != ""), summary.GetProperty("resolved").GetInt32());
            AssertDurations(Minutes(csv, csv.Rows, "first_response_at"), summary.GetProperty("firstResponse"));
            AssertDurations(Minutes(csv, csv.Rows, "resolved_at"), summary.GetProperty("resolution"));

            foreach (var day in summary.GetProperty("days").EnumerateArray())
            {
                var date = day.GetProperty("day").GetString()!;
                Assert.Equal(csv.Rows.Count(r => csv.Cell(r, "created_at").StartsWith(date, StringComparison.Ordinal)), day.GetProperty("opened").GetInt32());
                Assert.Equal(csv.Rows.Count(r => csv.Cell(r, "resolved_at").StartsWith(date, StringComparison.Ordinal)), day.GetProperty("resolved").GetInt32());
            }

            foreach (var (groups, column) in new[] { (summary.GetProperty("agents"), "assignee"), (summary.GetProperty("channels"), "channel") })
            {
                Assert.Equal(csv.Rows.Select(r => csv.Cell(r, column)).Distinct().Count(), groups.GetArrayLength());
                foreach (var group in groups.EnumerateArray())
                {
                    var rows = csv.Rows.Where(r => csv.Cell(r, column) == group.GetProperty("name").GetString()).ToList();
                    Assert.Equal(rows.Count, group.GetProperty("conversations").GetInt32());
                    AssertDurations(Minutes(csv, rows, "first_response_at"), group.GetProperty("firstResponse"));
                    AssertDurations(Minutes(csv, rows, "resolved_at"), group.GetProperty("resolution"));
                }
            }
        }
    }

    private static List<double> Minutes(Csv csv, IEnumerable<string[]> rows, string column) =>
    [
        .. rows.Where(r => csv.Cell(r, column) != "")
            .Select(r => (DateTimeOffset.Parse(csv.Cell(r, column), CultureInfo.InvariantCulture) - DateTimeOffset.Parse(csv.Cell(r, "created_at"), CultureInfo.InvariantCulture)).TotalMinutes),
    ];

    private static void AssertDurations(List<double> minutes, JsonElement figures)
    {
        Assert.Equal(minutes.Count, figures.GetProperty("count").GetInt32());
        AssertClose(Percentile(minutes, 0.5), figures.GetProperty("medianMinutes"));
        AssertClose(Percentile(minutes, 0.9), figures.GetProperty("p90Minutes"));
    }

    private static void AssertClose(double? expected, JsonElement actual)
    {
        if (expected is null)
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
            return;
        }

        Assert.Equal(expected.Value, actual.GetDouble(), 0.01);
    }

    // Linear interpolation between closest ranks (Excel PERCENTILE.INC): the median is the usual one.
    private static double? Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        return sorted[low] + ((sorted[(int)Math.Ceiling(rank)] - sorted[low]) * (rank - low));
    }
}
