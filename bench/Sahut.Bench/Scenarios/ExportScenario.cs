using System.Diagnostics;

namespace Sahut.Bench.Scenarios;

/// <summary>
/// conversations.csv for the seeded inbox, against the sqlite3 command-line tool's CSV output of an equivalent query
/// on the same database, the two taking turns. Targets: ratio of the median times ≤ 2.0, peak resident memory growth
/// ≤ 50 MB.
/// </summary>
public static class ExportScenario
{
    private const string EquivalentQuery = """
        SELECT c.Id AS conversation_id, ch.Name AS channel, ch.Type AS channel_type, ct.Name AS contact_name,
               (SELECT i.Value FROM ContactIdentities i WHERE i.ContactId = c.ContactId ORDER BY i.Kind LIMIT 1) AS contact_identifier,
               lower(c.Status) AS status, u.Email AS assignee, c.CreatedAt AS created_at, c.FirstResponseAt AS first_response_at,
               c.ResolvedAt AS resolved_at, c.MessagesIn AS messages_in, c.MessagesOut AS messages_out, c.NotesCount AS notes,
               c.LastMessageAt AS last_message_at
        FROM Conversations c
        JOIN Channels ch ON ch.Id = c.ChannelId
        JOIN Contacts ct ON ct.Id = c.ContactId
        LEFT JOIN AspNetUsers u ON u.Id = c.AssigneeId
        ORDER BY c.CreatedAt;
        """;

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        Report.Heading($"export ({options.Conversations:N0} conversations)");
        if (options.Postgres is not null)
        {
            report.Figure("note", "the sqlite3 baseline needs SQLite; running on SQLite");
        }

        var (dataDir, workspaceId, ownerId, token) = await SahutProcess.SetupAsync(null);
        await new Seeder(dataDir, null).SeedAsync(workspaceId, ownerId, options.Conversations, options.MessagesPerConversation);
        var (sahut, _) = await SahutProcess.StartAsync(dataDir, null);
        await using var _ = sahut;
        using var api = sahut.Client(token);

        // The first export after start also pays for JIT-compiling the export path; later ones are the steady rate.
        var cold = await ExportAsync(sahut, api, workspaceId);
        if (cold is null)
        {
            report.Error("export failed (is the Reports plugin installed?)");
            return;
        }

        ReportRun("first export after start", cold, options.Conversations, report);

        // One run of each is at the mercy of a busy second on a shared machine: sqlite3 and Sahut take turns, and the
        // medians are compared.
        var baseline = new List<TimeSpan>();
        var warm = new List<ExportRun>();
        for (var round = 0; round < options.Rounds; round++)
        {
            var sqlite = Stopwatch.StartNew();
            var csv = await SahutProcess.RunAsync("sqlite3", ["-csv", "-header", Path.Combine(dataDir, "sahut.db"), EquivalentQuery], null, null);
            sqlite.Stop();
            baseline.Add(sqlite.Elapsed);
            var baselineRows = csv.Count(c => c == '\n') - 1;
            report.Figure($"sqlite3 -csv, round {round + 1}", $"{sqlite.Elapsed.TotalMilliseconds:0} ms, {baselineRows} rows");

            if (await ExportAsync(sahut, api, workspaceId) is not { } run)
            {
                report.Error($"export of round {round + 1} failed");
                return;
            }

            warm.Add(run);
            ReportRun($"export, round {round + 1}", run, options.Conversations, report);
        }

        var ratio = Median(warm.Select(r => r.Elapsed)) / Median(baseline);
        report.Check($"time ratio Sahut / sqlite3 (medians of {options.Rounds} rounds)", ratio, ratio <= 2.0, "≤ 2.0");
        var growthMb = warm.Append(cold).Max(r => r.PeakGrowthBytes) / 1024.0 / 1024.0;
        report.Check("peak resident growth (MB)", growthMb, growthMb <= 50, "≤ 50 MB");
    }

    private static void ReportRun(string label, ExportRun run, int conversations, Report report)
    {
        report.Figure($"Sahut conversations.csv, {label}", $"{run.Elapsed.TotalMilliseconds:0} ms, {run.Rows} rows, {run.Rows / run.Elapsed.TotalSeconds:0} rows/s");
        if (run.Rows != conversations)
        {
            report.Error($"{label}: expected {conversations} rows, got {run.Rows}");
        }
    }

    private static double Median(IEnumerable<TimeSpan> times) => Stats.Percentile([.. times.Select(t => t.TotalMilliseconds)], 50);

    private static async Task<ExportRun?> ExportAsync(SahutProcess sahut, HttpClient api, Guid workspaceId)
    {
        var before = sahut.ResidentBytes();
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, sahut.ResidentBytes());
                await Task.Delay(10);
            }
        });
        var export = Stopwatch.StartNew();
        using var response = await api.GetAsync($"api/v1/workspaces/{workspaceId}/exports/conversations.csv", HttpCompletionOption.ResponseHeadersRead);
        long lines = 0;
        if (response.IsSuccessStatusCode)
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }

        export.Stop();
        await sampling.CancelAsync();
        await sampler;
        return response.IsSuccessStatusCode ? new ExportRun(export.Elapsed, lines - 1, peak - before) : null;
    }

    private sealed record ExportRun(TimeSpan Elapsed, long Rows, long PeakGrowthBytes);
}
