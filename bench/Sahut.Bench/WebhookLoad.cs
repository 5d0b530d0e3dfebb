using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Sahut.Bench;

/// <summary>
/// Drives signed, unique Cloud-API-shaped message webhooks at a fixed number of concurrent connections (or a fixed
/// rate) and records each acknowledgement's latency and the provider ids that were acknowledged. Customers write in
/// turn and provider ids count up, unless <paramref name="scattered"/>: then customers come in a spread-out order and
/// provider ids in no order, as real traffic does, so a batch's rows no longer sit side by side in the indexes.
/// </summary>
public sealed class WebhookLoad(Uri target, string appSecret, string phoneNumberId, string runTag, long firstSequence = 0, bool scattered = false)
{
    /// <summary>Customers are picked by sequence number: loads that start apart write to different ones.</summary>
    public const int Customers = 50_000;

    // Coprime with Customers, so any Customers consecutive deliveries still reach every customer once.
    private const long CustomerStride = 7_919;

    private readonly long first = firstSequence;

    private long sequence = firstSequence;

    /// <summary>How many deliveries this load has sent (or begun to send).</summary>
    public long Sent => Interlocked.Read(ref sequence) - first;

    public ConcurrentBag<string> Acknowledged { get; } = [];

    public ConcurrentDictionary<string, long> AckTimestamps { get; } = new();

    public static byte[] Sign(byte[] body, string secret) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);

    public (byte[] Body, string Id) NextDelivery()
    {
        var n = Interlocked.Increment(ref sequence);
        var customer = (scattered ? n * CustomerStride : n) % Customers;
        // Scattered ids lead with a multiplicative hash of n (no order) and end with n (unique).
        var id = scattered ? $"wamid.bench.{runTag}.{(uint)(n * 2_654_435_761L):x8}.{n}" : $"wamid.bench.{runTag}.{n}";
        var from = "628" + (1_200_000_000L + customer).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var json = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"184203917755631","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"6281190001234","phone_number_id":"{{{phoneNumberId}}}"},"contacts":[{"profile":{"name":"Pelanggan {{{customer}}}"},"wa_id":"{{{from}}}"}],"messages":[{"from":"{{{from}}}","id":"{{{id}}}","timestamp":"{{{timestamp}}}","type":"text","text":{"body":"Halo, pesanan nomor {{{n}}} sudah dikirim?"}}]},"field":"messages"}]}]}""";
        return (Encoding.UTF8.GetBytes(json), id);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(Sign(body, appSecret)));
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Closed loop: <paramref name="concurrency"/> workers send back to back for <paramref name="duration"/>, and on
    /// until this load has sent <paramref name="atLeast"/> deliveries.
    /// </summary>
    public async Task<LoadResult> RunClosedAsync(HttpClient client, int concurrency, TimeSpan duration, long atLeast = 0)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (stopwatch.Elapsed < duration || Sent < atLeast)
            {
                var (body, id) = NextDelivery();
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await SendAsync(client, body);
                    if (response.IsSuccessStatusCode)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        Acknowledged.Add(id);
                        AckTimestamps[id] = Stopwatch.GetTimestamp();
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(workers);
        return new LoadResult(latencies.ToList(), errors, stopwatch.Elapsed);
    }

    /// <summary>Open loop: one delivery every 1/<paramref name="perSecond"/> s for <paramref name="duration"/>.</summary>
    public async Task<LoadResult> RunOpenAsync(HttpClient client, int perSecond, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var stopwatch = Stopwatch.StartNew();
        var pending = new List<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        for (var i = 0; stopwatch.Elapsed < duration; i++)
        {
            var due = interval * i;
            if (due > stopwatch.Elapsed)
            {
                await Task.Delay(due - stopwatch.Elapsed);
            }

            pending.Add(Task.Run(async () =>
            {
                var (body, id) = NextDelivery();
                var started = Stopwatch.GetTimestamp();
                using var response = await SendAsync(client, body);
                if (response.IsSuccessStatusCode)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    AckTimestamps[id] = Stopwatch.GetTimestamp();
                    Acknowledged.Add(id);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }

        await Task.WhenAll(pending);
        return new LoadResult(latencies.ToList(), errors, stopwatch.Elapsed);
    }
}

public sealed record LoadResult(List<double> Latencies, int Errors, TimeSpan Elapsed)
{
    public double Throughput => Latencies.Count / Elapsed.TotalSeconds;

    public static LoadResult Combine(IReadOnlyCollection<LoadResult> parts) =>
        new([.. parts.SelectMany(p => p.Latencies)], parts.Sum(p => p.Errors), TimeSpan.FromTicks(parts.Sum(p => p.Elapsed.Ticks)));
}
