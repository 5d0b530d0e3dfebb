using System.Data.Common;
using System.Diagnostics;

namespace Sahut.Bench.Scenarios;

/// <summary>
/// Signed unique Cloud API webhooks at 64 concurrent connections: a bare HMAC-checking Kestrel endpoint, then Sahut,
/// same client, same run. Targets: Sahut ≥ 0.35 × bare throughput, p99 ≤ 25 ms, every acknowledged message stored
/// exactly once.
/// </summary>
public static class IngestScenario
{
    public static async Task RunAsync(BenchOptions options, Report report)
    {
        Report.Heading($"ingest ({options.Concurrency} connections, {options.Seconds} s each)");
        var duration = TimeSpan.FromSeconds(options.Seconds);
        // Long enough for tiered JIT to settle, so the figure is the sustained rate.
        var warmup = TimeSpan.FromSeconds(Math.Min(10, options.Seconds));
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { Timeout = TimeSpan.FromSeconds(30) };

        var barePort = SahutProcess.FreePort();
        using var bare = Process.Start(new ProcessStartInfo("dotnet", [typeof(IngestScenario).Assembly.Location, "bare-server", barePort.ToString(System.Globalization.CultureInfo.InvariantCulture), WhatsAppChannel.AppSecret]) { RedirectStandardOutput = true })!;
        try
        {
            await WaitAsync(new Uri($"http://127.0.0.1:{barePort}/ready"));
            var bareLoad = new WebhookLoad(new Uri($"http://127.0.0.1:{barePort}/webhook"), WhatsAppChannel.AppSecret, WhatsAppChannel.PhoneNumberId, "bare");
            await bareLoad.RunClosedAsync(client, options.Concurrency, warmup);
            var bareCpu = bare.TotalProcessorTime;
            var bareResult = await bareLoad.RunClosedAsync(client, options.Concurrency, duration);
            bare.Refresh();
            bareCpu = bare.TotalProcessorTime - bareCpu;
            report.Figure("bare Kestrel + HMAC: throughput", $"{bareResult.Throughput:0} req/s ({bareResult.Errors} errors)");
            report.Figure("bare Kestrel + HMAC: latency", Stats.Summary(bareResult.Latencies));
            report.Figure("bare Kestrel + HMAC: server CPU per request", CpuPerRequest(bareCpu, bareResult));

            var (dataDir, workspaceId, _, token) = await SahutProcess.SetupAsync(options.Postgres);
            var (sahut, _) = await SahutProcess.StartAsync(dataDir, options.Postgres);
            await using var _ = sahut;
            using var api = sahut.Client(token);
            var (_, webhookUrl) = await WhatsAppChannel.ConnectAsync(api, workspaceId);
            var target = new Uri(sahut.BaseAddress, webhookUrl.PathAndQuery);
            var sahutLoad = new WebhookLoad(target, WhatsAppChannel.AppSecret, WhatsAppChannel.PhoneNumberId, "sahut");
            await sahutLoad.RunClosedAsync(client, options.Concurrency, warmup);
            var sahutCpu = sahut.CpuTime;
            var result = await sahutLoad.RunClosedAsync(client, options.Concurrency, duration);
            sahutCpu = sahut.CpuTime - sahutCpu;
            report.Figure("Sahut: throughput", $"{result.Throughput:0} req/s ({result.Errors} errors)");
            report.Figure("Sahut: latency", Stats.Summary(result.Latencies));
            report.Figure("Sahut: server CPU per request", CpuPerRequest(sahutCpu, result));
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
}
