using System.Security.Cryptography;

namespace Sahut.Bench;

/// <summary>
/// The baseline: a bare Kestrel endpoint that reads the body, checks the HMAC and answers 200 — what any webhook
/// receiver must at least do. Run as its own process (<c>bare-server PORT SECRET</c>), like Sahut.
/// </summary>
public static class BareWebhookServer
{
    public static async Task RunAsync(int port, string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var key = System.Text.Encoding.UTF8.GetBytes(secret);
        app.MapGet("/ready", () => Results.Ok());
        app.MapPost("/webhook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var expected = HMACSHA256.HashData(key, buffer.ToArray());
            var header = request.Headers["X-Hub-Signature-256"].ToString();
            var given = header.StartsWith("sha256=", StringComparison.Ordinal) ? Convert.FromHexString(header[7..]) : [];
            return CryptographicOperations.FixedTimeEquals(expected, given) ? Results.Ok() : Results.Unauthorized();
        });
        await app.RunAsync();
    }
}
