using System.Security.Cryptography;
using System.Text;

namespace Sahut.Plugins.WhatsApp.Webhooks;

/// <summary>Meta's <c>X-Hub-Signature-256</c>: <c>sha256=</c> + hex HMAC-SHA256(app secret, raw body bytes).</summary>
internal static class HubSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static bool IsValid(string? header, string appSecret, ReadOnlySpan<byte> rawBody)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }

    public static string Compute(string appSecret, ReadOnlySpan<byte> rawBody) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody));
}
