using System.Globalization;
using Sahut.Exports;

namespace Sahut.Plugins.Reports.Dashboard;

/// <summary>
/// Computes the dashboard from the very rows the conversations CSV is written from (same dataset, same filters), so
/// the figures match the export. Opened counts by created_at's local day; resolved by resolved_at's local day.
/// </summary>
public sealed class ReportCalculator
{
    private readonly Dictionary<string, int> columns;
    private readonly Dictionary<string, (int Opened, int Resolved)> days = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Group> agents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Group> channels = new(StringComparer.Ordinal);
    private readonly Group all = new();

    public ReportCalculator(IReadOnlyList<string> columnNames) =>
        columns = columnNames.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);

    public static async Task<ReportSummary> SummariseAsync(IExportDataset conversations, ExportRequest request, CancellationToken cancellationToken)
    {
        var calculator = new ReportCalculator(conversations.Columns);
        await foreach (var row in conversations.ReadRowsAsync(request, cancellationToken))
        {
            calculator.Add(row);
        }

        return calculator.Result(request.From, request.To);
    }

    public void Add(IReadOnlyList<string?> row)
    {
        var created = Time(row, "created_at")!.Value;
        var firstResponse = Time(row, "first_response_at");
        var resolved = Time(row, "resolved_at");
        var firstResponseMinutes = firstResponse is { } f ? (f - created).TotalMinutes : (double?)null;
        var resolutionMinutes = resolved is { } r ? (r - created).TotalMinutes : (double?)null;

        Bump(Day(created), opened: 1, resolvedCount: 0);
        if (resolved is { } resolvedAt)
        {
            Bump(Day(resolvedAt), opened: 0, resolvedCount: 1);
        }

        foreach (var group in new[] { all, GroupOf(agents, row[columns["assignee"]] ?? ""), GroupOf(channels, row[columns["channel"]] ?? "") })
        {
            group.Add(firstResponseMinutes, resolutionMinutes);
        }
    }

    public ReportSummary Result(DateOnly? from, DateOnly? to)
    {
        var dayList = new List<DayFigures>();
        if (days.Count > 0 || (from is not null && to is not null))
        {
            var first = from ?? DateOnly.ParseExact(days.Keys.Min()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = to ?? DateOnly.ParseExact(days.Keys.Max()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var figures = days.GetValueOrDefault(key);
                dayList.Add(new DayFigures(key, figures.Opened, figures.Resolved));
            }
        }

        return new ReportSummary(
            all.Conversations,
            all.Resolved,
            all.FirstResponse(),
            all.Resolution(),
            dayList,
            [.. agents.OrderByDescending(a => a.Value.Conversations).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Value.Figures(a.Key))],
            [.. channels.OrderByDescending(c => c.Value.Conversations).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Figures(c.Key))]);
    }

    private void Bump(string day, int opened, int resolvedCount)
    {
        var current = days.GetValueOrDefault(day);
        days[day] = (current.Opened + opened, current.Resolved + resolvedCount);
    }

    private DateTimeOffset? Time(IReadOnlyList<string?> row, string column) =>
        row[columns[column]] is { Length: > 0 } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None) : null;

    // The offset in the value is the workspace's, so the local day is the date part as written.
    private static string Day(DateTimeOffset local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Group GroupOf(Dictionary<string, Group> groups, string key)
    {
        if (!groups.TryGetValue(key, out var group))
        {
            group = new Group();
            groups[key] = group;
        }

        return group;
    }

    private sealed class Group
    {
        private readonly List<double> firstResponses = [];
        private readonly List<double> resolutions = [];

        public int Conversations { get; private set; }

        public int Resolved => resolutions.Count;

        public void Add(double? firstResponseMinutes, double? resolutionMinutes)
        {
            Conversations++;
            if (firstResponseMinutes is { } f)
            {
                firstResponses.Add(f);
            }

            if (resolutionMinutes is { } r)
            {
                resolutions.Add(r);
            }
        }

        public DurationFigures FirstResponse() => Figures(firstResponses);

        public DurationFigures Resolution() => Figures(resolutions);

        public GroupFigures Figures(string name) => new(name, Conversations, Resolved, FirstResponse(), Resolution());

        private static DurationFigures Figures(List<double> values) =>
            new(values.Count, Round(Percentile.Of(values, 0.5)), Round(Percentile.Of(values, 0.9)));

        private static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 2) : null;
    }
}
