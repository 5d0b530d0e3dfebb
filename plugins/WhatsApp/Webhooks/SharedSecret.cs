using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Sahut.Plugins.WhatsApp.Settings;

namespace Sahut.Plugins.WhatsApp.Webhooks;

/// <summary>
/// BSPs cannot sign like Meta (the app secret is theirs). The secret webhook key in the URL authenticates them; where
/// the admin also configured a custom header secret in the BSP's dashboard, it must match too.
/// </summary>
internal static class SharedSecret
{
    public static bool Matches(WhatsAppSettings settings, IHeaderDictionary headers)
    {
        if (settings.WebhookSecret is not { } secret)
        {
            return true;
        }

        var given = headers[settings.WebhookSecretHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
