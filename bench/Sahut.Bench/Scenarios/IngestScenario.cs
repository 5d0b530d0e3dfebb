using System.Data.Common;
using System.Diagnostics;

namespace Sahut.Bench.Scenarios;

/// <summary>
/// Signed unique Cloud API webhooks at 64 concurrent connections against a bare HMAC-checking Kestrel endpoint and
/// Sahut, same client, same run, measured in alternating slices. Targets: Sahut ≥ 0.35 × bare throughput,
/// p99 ≤ 25 ms, every acknowledged message stored exactly once.
/// </summary>
public static class IngestScenario
{
    // The machine's spare capacity drifts within minutes; alternating short slices lets both servers see the same.
    private const int Rounds = 3;

    // Each slice starts after an unmeasured second at full load, so a slice measures the sustained rate, not a ramp-up.
    private static readonly TimeSpan LeadIn = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        Report.Heading($"ingest ({options.Concurrency} connections, {options.Seconds} s each, alternating in {Rounds} rounds)");
        var slice = TimeSpan.FromSeconds((double)options.Seconds / Rounds);
        // Long enough for tiered JIT to settle, so the figure is the sustained rate.
        var warmup = TimeSpan.FromSeconds(Math.Min(10, options.Seconds));
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { Timeout = TimeSpan.FromSeconds(30) };

        var barePort = SahutProcess.FreePort();
        using var bare = Process.Start(new ProcessStartInfo("dotnet", [typeof(IngestScenario).Assembly.Location, "bare-server", barePort.ToString(System.Globalization.CultureInfo.InvariantCulture), WhatsAppChannel.AppSecret]) { RedirectStandardOutput = true })!;
        try
        {
            await WaitAsync(new Uri($"http://127.0.0.1:{barePort}/ready"));
            var bareLoad = new WebhookLoad(new Uri($"http://127.0.0.1:{barePort}/webhook"), WhatsAppChannel.AppSecret, WhatsAppChannel.PhoneNumberId, "bare");

            var (dataDir, workspaceId, _, token) = await SahutProcess.SetupAsync(options.Postgres);
            var (sahut, _) = await SahutProcess.StartAsync(dataDir, options.Postgres);
            await using var _ = sahut;
            using var api = sahut.Client(token);
            var (_, webhookUrl) = await WhatsAppChannel.ConnectAsync(api, workspaceId);
            var sahutLoad = new WebhookLoad(new Uri(sahut.BaseAddress, webhookUrl.PathAndQuery), WhatsAppChannel.AppSecret, WhatsAppChannel.PhoneNumberId, "sahut");

            await bareLoad.RunClosedAsync(client, options.Concurrency, warmup);
            // The measured slices are returning customers' messages: warming up runs on until every customer has written.
            var firstMessages = await sahutLoad.RunClosedAsync(client, options.Concurrency, warmup, WebhookLoad.Customers);
            report.Figure("Sahut: warm-up, incl. each customer's first message", $"{firstMessages.Throughput:0} req/s ({firstMessages.Latencies.Count} over {firstMessages.Elapsed.TotalSeconds:0.0} s)");
            var bareRounds = new List<(LoadResult Load, ServerUsage Used)>();
            var sahutRounds = new List<(LoadResult Load, ServerUsage Used)>();
            for (var round = 0; round < Rounds; round++)
            {
                bareRounds.Add(await SliceAsync(bareLoad, () =>
                {
                    bare.Refresh();
                    return new ServerUsage(bare.TotalProcessorTime, 0);
                }));
                sahutRounds.Add(await SliceAsync(sahutLoad, () => new ServerUsage(sahut.CpuTime, sahut.StorageBytesWritten())));
            }

            var bareResult = LoadResult.Combine([.. bareRounds.Select(r => r.Load)]);
            var result = LoadResult.Combine([.. sahutRounds.Select(r => r.Load)]);
            var bareCpu = TimeSpan.FromTicks(bareRounds.Sum(r => r.Used.Cpu.Ticks));
            var sahutCpu = TimeSpan.FromTicks(sahutRounds.Sum(r => r.Used.Cpu.Ticks));
            report.Figure("bare Kestrel + HMAC: throughput", $"{bareResult.Throughput:0} req/s ({bareResult.Errors} errors)");
            report.Figure("bare Kestrel + HMAC: latency", Stats.Summary(bareResult.Latencies));
            report.Figure("bare Kestrel + HMAC: server CPU per request", CpuPerRequest(bareCpu, bareResult));
            report.Figure("Sahut: throughput", $"{result.Throughput:0} req/s ({result.Errors} errors)");
            report.Figure("Sahut: latency", Stats.Summary(result.Latencies));
            report.Figure("Sahut: server CPU per request", CpuPerRequest(sahutCpu, result));
            if (options.Postgres is null && result.Latencies.Count > 0)
            {
                // Steady under other load on the machine, unlike throughput: compares storage work between versions.
                report.Figure("Sahut: storage bytes written per request", $"{sahutRounds.Sum(r => r.Used.Written) / (double)result.Latencies.Count:0} B");
            }

            report.Figure("ratio by round", string.Join(", ", sahutRounds.Zip(bareRounds, (s, b) => (s.Load.Throughput / b.Load.Throughput).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))));
            if (result.Errors > 0)
            {
                report.Error($"{result.Errors} deliveries were not acknowledged");
            }

            var ratio = result.Throughput / bareResult.Throughput;
            report.Check("throughput ratio Sahut / bare", ratio, ratio >= 0.35, "≥ 0.35");
            var p99 = Stats.Percentile(result.Latencies, 99);
            report.Check("Sahut p99 (ms)", p99, p99 <= 25, "≤ 25 ms");

            await VerifyExactlyOnceAsync(new Seeder(dataDir, options.Postgres), sahutLoad.Acknowledged.ToHashSet(), report);
        }
        finally
        {
            bare.Kill(entireProcessTree: true);
        }

        // One measured slice after its lead-in, with the server CPU (and storage writes) it cost.
        async Task<(LoadResult Load, ServerUsage Used)> SliceAsync(WebhookLoad load, Func<ServerUsage> server)
        {
            await load.RunClosedAsync(client, options.Concurrency, LeadIn);
            var before = server();
            var measured = await load.RunClosedAsync(client, options.Concurrency, slice);
            var after = server();
            return (measured, new ServerUsage(after.Cpu - before.Cpu, after.Written - before.Written));
        }
    }

    // Less sensitive than throughput to other load on a shared machine: what one acknowledged delivery costs the server.
    private static string CpuPerRequest(TimeSpan cpu, LoadResult result) =>
        result.Latencies.Count == 0 ? "n/a" : $"{cpu.TotalMilliseconds / result.Latencies.Count:0.000} ms ({cpu.TotalSeconds:0.0} s CPU over {result.Elapsed.TotalSeconds:0.0} s)";

    public static async Task VerifyExactlyOnceAsync(Seeder seeder, HashSet<string> acknowledged, Report report)
    {
        await using var connection = seeder.Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ProviderMessageId\" FROM \"Messages\" WHERE \"ProviderMessageId\" LIKE 'wamid.bench.%'";
        var stored = new List<string>();
        await using (DbDataReader reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        var duplicates = stored.Count - stored.Distinct().Count();
        var missing = acknowledged.Except(stored).Count();
        report.Figure("acknowledged / stored rows", $"{acknowledged.Count} / {stored.Count} (missing {missing}, duplicated {duplicates})");
        if (missing > 0 || duplicates > 0)
        {
            report.Error($"exactly-once violated: {missing} acknowledged messages missing, {duplicates} duplicates");
        }
    }

    public static async Task WaitAsync(Uri ready)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(ready)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException(ready + " did not answer.");
    }

    /// <summary>What a server process has used: CPU time, and bytes written towards storage.</summary>
    private readonly record struct ServerUsage(TimeSpan Cpu, long Written);
}
