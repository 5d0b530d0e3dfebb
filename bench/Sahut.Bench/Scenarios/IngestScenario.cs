using System.Data.Common;
using System.Diagnostics;

namespace Sahut.Bench.Scenarios;

/// <summary>
/// Signed unique Cloud API webhooks at 64 concurrent connections against a bare HMAC-checking Kestrel endpoint and
/// Sahut, same client, same run, measured in alternating slices. Targets: Sahut ≥ 0.35 × bare throughput,
/// p99 ≤ 25 ms, every acknowledged message stored exactly once. <c>--versus OTHER/Sahut.Web.dll</c> measures a second
/// build in the same rounds, for comparing versions in the same minutes.
/// </summary>
public static class IngestScenario
{
    // Each slice starts after an unmeasured second at full load, so a slice measures the sustained rate, not a ramp-up.
    private static readonly TimeSpan LeadIn = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        Report.Heading($"ingest ({options.Concurrency} connections, {options.Seconds} s each, alternating in {options.Rounds} rounds{(options.Scattered ? ", customers and provider ids scattered" : "")})");
        var slice = TimeSpan.FromSeconds((double)options.Seconds / options.Rounds);
        // Long enough for tiered JIT to settle, so the figure is the sustained rate.
        var warmup = TimeSpan.FromSeconds(Math.Min(10, options.Seconds));
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { Timeout = TimeSpan.FromSeconds(30) };

        var barePort = SahutProcess.FreePort();
        using var bare = Process.Start(new ProcessStartInfo("dotnet", [typeof(IngestScenario).Assembly.Location, "bare-server", barePort.ToString(System.Globalization.CultureInfo.InvariantCulture), WhatsAppChannel.AppSecret]) { RedirectStandardOutput = true })!;
        var servers = new List<Server>();
        try
        {
            await WaitAsync(new Uri($"http://127.0.0.1:{barePort}/ready"));
            var bareLoad = new WebhookLoad(new Uri($"http://127.0.0.1:{barePort}/webhook"), WhatsAppChannel.AppSecret, WhatsAppChannel.PhoneNumberId, "bare", scattered: options.Scattered);
            servers.Add(await Server.StartAsync("Sahut", "sahut", null, options));
            if (options.Versus is { } otherDll)
            {
                servers.Add(await Server.StartAsync("other build", "other", otherDll, options));
            }

            await bareLoad.RunClosedAsync(client, options.Concurrency, warmup);
            foreach (var server in servers)
            {
                // The measured slices are returning customers' messages: warming up runs on until every customer has written.
                var firstMessages = await server.Load.RunClosedAsync(client, options.Concurrency, warmup, WebhookLoad.Customers);
                report.Figure($"{server.Name}: warm-up, incl. each customer's first message", $"{firstMessages.Throughput:0} req/s ({firstMessages.Latencies.Count} over {firstMessages.Elapsed.TotalSeconds:0.0} s)");
            }

            foreach (var server in servers)
            {
                report.Figure($"{server.Name}: idle again after the warm-up", $"{(await server.Process.SettleAsync()).TotalSeconds:0.0} s");
            }

            var bareRounds = new List<(LoadResult Load, ServerUsage Used)>();
            for (var round = 0; round < options.Rounds; round++)
            {
                bareRounds.Add(await SliceAsync(bareLoad, () =>
                {
                    bare.Refresh();
                    return new ServerUsage(bare.TotalProcessorTime, 0);
                }));

                // Two builds take turns at going first, so neither always follows the bare endpoint.
                foreach (var server in round % 2 == 0 ? servers : Enumerable.Reverse(servers))
                {
                    server.Rounds.Add(await SliceAsync(server.Load, () => new ServerUsage(server.Process.CpuTime, server.Process.StorageBytesWritten())));
                }
            }

            var bareResult = LoadResult.Combine([.. bareRounds.Select(r => r.Load)]);
            report.Figure("bare Kestrel + HMAC: throughput", $"{bareResult.Throughput:0} req/s ({bareResult.Errors} errors)");
            report.Figure("bare Kestrel + HMAC: latency", Stats.Summary(bareResult.Latencies));
            report.Figure("bare Kestrel + HMAC: server CPU per request", CpuPerRequest(TimeSpan.FromTicks(bareRounds.Sum(r => r.Used.Cpu.Ticks)), bareResult));
            foreach (var server in servers)
            {
                var result = server.Result;
                report.Figure($"{server.Name}: throughput", $"{result.Throughput:0} req/s ({result.Errors} errors)");
                report.Figure($"{server.Name}: latency", Stats.Summary(result.Latencies));
                report.Figure($"{server.Name}: server CPU per request", CpuPerRequest(TimeSpan.FromTicks(server.Rounds.Sum(r => r.Used.Cpu.Ticks)), result));
                if (options.Postgres is null && result.Latencies.Count > 0)
                {
                    // Steady under other load on the machine, unlike throughput: compares storage work between versions.
                    report.Figure($"{server.Name}: storage bytes written per request", $"{server.Rounds.Sum(r => r.Used.Written) / (double)result.Latencies.Count:0} B");
                }

                report.Figure($"{server.Name}: ratio by round", RatiosByRound(server.Rounds, bareRounds));
                if (result.Errors > 0)
                {
                    report.Error($"{server.Name}: {result.Errors} deliveries were not acknowledged");
                }
            }

            if (servers is [var sahut, var other])
            {
                // Both builds measured in the same minutes: the comparison the machine's drift does not blur.
                report.Figure("Sahut / other build: throughput by round", RatiosByRound(sahut.Rounds, other.Rounds));
                report.Figure("Sahut / other build: throughput", $"{sahut.Result.Throughput / other.Result.Throughput:0.000}");
            }

            var ratio = servers[0].Result.Throughput / bareResult.Throughput;
            report.Check("throughput ratio Sahut / bare", ratio, ratio >= 0.35, "≥ 0.35");
            var p99 = Stats.Percentile(servers[0].Result.Latencies, 99);
            report.Check("Sahut p99 (ms)", p99, p99 <= 25, "≤ 25 ms");

            foreach (var server in servers)
            {
                await VerifyExactlyOnceAsync(server.Name, new Seeder(server.Process.DataDir, options.Postgres), server.Load.Acknowledged.ToHashSet(), report);
            }
        }
        finally
        {
            bare.Kill(entireProcessTree: true);
            foreach (var server in servers)
            {
                await server.Process.DisposeAsync();
            }
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

    private static string RatiosByRound(List<(LoadResult Load, ServerUsage Used)> measured, List<(LoadResult Load, ServerUsage Used)> baseline) =>
        string.Join(", ", measured.Zip(baseline, (m, b) => (m.Load.Throughput / b.Load.Throughput).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));

    // Less sensitive than throughput to other load on a shared machine: what one acknowledged delivery costs the server.
    private static string CpuPerRequest(TimeSpan cpu, LoadResult result) =>
        result.Latencies.Count == 0 ? "n/a" : $"{cpu.TotalMilliseconds / result.Latencies.Count:0.000} ms ({cpu.TotalSeconds:0.0} s CPU over {result.Elapsed.TotalSeconds:0.0} s)";

    public static async Task VerifyExactlyOnceAsync(string server, Seeder seeder, HashSet<string> acknowledged, Report report)
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
        report.Figure($"{server}: acknowledged / stored rows", $"{acknowledged.Count} / {stored.Count} (missing {missing}, duplicated {duplicates})");
        if (missing > 0 || duplicates > 0)
        {
            report.Error($"{server}: exactly-once violated: {missing} acknowledged messages missing, {duplicates} duplicates");
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

    /// <summary>One Sahut build under load: its process, its webhook load and its measured slices.</summary>
    private sealed record Server(string Name, SahutProcess Process, WebhookLoad Load)
    {
        public List<(LoadResult Load, ServerUsage Used)> Rounds { get; } = [];

        public LoadResult Result => LoadResult.Combine([.. Rounds.Select(r => r.Load)]);

        public static async Task<Server> StartAsync(string name, string runTag, string? webDll, BenchOptions options)
        {
            var (dataDir, workspaceId, _, token) = await SahutProcess.SetupAsync(options.Postgres, webDll);
            var (process, _) = await SahutProcess.StartAsync(dataDir, options.Postgres, webDll);
            using var api = process.Client(token);
            var (_, webhookUrl) = await WhatsAppChannel.ConnectAsync(api, workspaceId);
            return new Server(name, process, new WebhookLoad(new Uri(process.BaseAddress, webhookUrl.PathAndQuery), WhatsAppChannel.AppSecret, WhatsAppChannel.PhoneNumberId, runTag, scattered: options.Scattered));
        }
    }
}
