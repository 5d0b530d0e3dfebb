using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Sahut.Bench.Scenarios;

/// <summary>
/// 200 SignalR clients in one workspace, inbound messages at 200/s: for each message, the time from its webhook
/// being acknowledged until every client has received its event, after the same load has run unmeasured for up to
/// 10 s. Target p99 ≤ 150 ms.
/// </summary>
public static class FanoutScenario
{
    public static async Task RunAsync(BenchOptions options, Report report)
    {
        Report.Heading($"fanout ({options.Clients} clients, {options.Rate} msg/s for {options.Seconds} s)");
        var (dataDir, workspaceId, _, token) = await SahutProcess.SetupAsync(options.Postgres);
        var (sahut, _) = await SahutProcess.StartAsync(dataDir, options.Postgres);
        await using var _ = sahut;
        using var api = sahut.Client(token);
        var (_, webhookUrl) = await WhatsAppChannel.ConnectAsync(api, workspaceId);

        var received = new ConcurrentDictionary<Guid, ConcurrentBag<long>>();
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < options.Clients; i++)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(sahut.BaseAddress, "hubs/inbox"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                    .Build();
                connection.On<JsonElement>("events", list =>
                {
                    var at = Stopwatch.GetTimestamp();
                    foreach (var e in list.EnumerateArray())
                    {
                        if (e.GetProperty("type").GetString() == "messageReceived")
                        {
                            var messageId = e.GetProperty("data").GetProperty("messageId").GetGuid();
                            received.GetOrAdd(messageId, _ => []).Add(at);
                        }
                    }
                });
                await connection.StartAsync();
                await connection.InvokeAsync<JsonElement>("JoinWorkspace", workspaceId);
                connections.Add(connection);
            }

            report.Figure("connected clients", connections.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });

            // The same load first, unmeasured: without it the figure is the tiered JIT of both processes (a quarter of
            // the machine's CPU in the first seconds), not the sustained fan-out.
            var warmup = new WebhookLoad(new Uri(sahut.BaseAddress, webhookUrl.PathAndQuery), WhatsAppChannel.AppSecret, WhatsAppChannel.PhoneNumberId, "fanout-warmup");
            await warmup.RunOpenAsync(client, options.Rate, TimeSpan.FromSeconds(Math.Min(10, options.Seconds)));
            await Task.Delay(1000);

            // New customers again, as without the warm-up: each message also opens a conversation.
            var load = new WebhookLoad(new Uri(sahut.BaseAddress, webhookUrl.PathAndQuery), WhatsAppChannel.AppSecret, WhatsAppChannel.PhoneNumberId, "fanout", firstSequence: 25_000);
            var result = await load.RunOpenAsync(client, options.Rate, TimeSpan.FromSeconds(options.Seconds));
            report.Figure("webhooks acknowledged", $"{result.Latencies.Count} ({result.Errors} errors), ack {Stats.Summary(result.Latencies)}");
            await Task.Delay(2000);

            var providerToMessage = await MessageIdsAsync(new Seeder(dataDir, options.Postgres));
            var allClients = new List<double>();
            var incomplete = 0;
            foreach (var (providerId, ackedAt) in load.AckTimestamps)
            {
                if (!providerToMessage.TryGetValue(providerId, out var messageId) || !received.TryGetValue(messageId, out var times) || times.Count < connections.Count)
                {
                    incomplete++;
                    continue;
                }

                allClients.Add(Stopwatch.GetElapsedTime(ackedAt, times.Max()).TotalMilliseconds);
            }

            report.Figure("ack → received by all clients", Stats.Summary(allClients));
            if (incomplete > 0)
            {
                report.Error($"{incomplete} messages did not reach every client");
            }

            var p99 = Stats.Percentile(allClients, 99);
            report.Check("p99 ack → all clients (ms)", p99, p99 <= 150, "≤ 150 ms");
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static async Task<Dictionary<string, Guid>> MessageIdsAsync(Seeder seeder)
    {
        await using var connection = seeder.Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ProviderMessageId\", \"Id\" FROM \"Messages\" WHERE \"ProviderMessageId\" LIKE 'wamid.bench.%'";
        var map = new Dictionary<string, Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            map[reader.GetString(0)] = reader.GetFieldValue<Guid>(1);
        }

        return map;
    }
}
