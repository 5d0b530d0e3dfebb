using System.Security.Cryptography;
using System.Text;

namespace Sahut.FakeGraphApi;

/// <summary>Signs webhook bodies like Meta: <c>X-Hub-Signature-256: sha256=</c>hex HMAC-SHA256(app secret, raw body).</summary>
public static class WebhookSigner
{
    public const string Header = "X-Hub-Signature-256";

    public static string Sign(string appSecret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
