using System.Net;
using System.Text.Json;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Json;

namespace Sahut.Plugins.WhatsApp.Sending;

/// <summary>
/// Turns a Graph API error response into retry advice. Keyed on <c>error.code</c>, not the HTTP status (Meta answers
/// most errors with 400); the status only decides when there is no code.
/// </summary>
internal static class GraphErrorMapper
{
    /// <summary>Meta asks for about one message per 6 s to the same recipient (131056).</summary>
    public static readonly TimeSpan PairRateSpacing = TimeSpan.FromSeconds(6);

    private static readonly HashSet<int> Retryable = [130429, 131056, 131000, 131016, 131052, 131053, 133016, 1, 2, 4, 17, 341, 80007];
    private static readonly HashSet<int> NeedsReconnect = [190, 0, 3, 10, 102];

    public static ChannelSendException Map(HttpStatusCode status, string body, TimeSpan? retryAfterHeader)
    {
        var (code, message) = Read(body);
        if (code is not { } known)
        {
            var serverError = (int)status >= 500 || status == HttpStatusCode.TooManyRequests;
            var reconnect = status is HttpStatusCode.Unauthorized;
            return new ChannelSendException(
                $"http-{(int)status}",
                message ?? $"The provider answered {(int)status} {status}.",
                retryable: serverError,
                retryAfter: retryAfterHeader,
                channelNeedsReconnect: reconnect);
        }

        var codeText = known.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reason = Reason(known, message);
        if (NeedsReconnect.Contains(known) || (known >= 200 && known <= 299))
        {
            return new ChannelSendException(codeText, reason, retryable: false, channelNeedsReconnect: true);
        }

        if (Retryable.Contains(known) || (int)status >= 500)
        {
            var spacing = known == 131056 ? Max(PairRateSpacing, retryAfterHeader) : retryAfterHeader;
            return new ChannelSendException(codeText, reason, retryable: true, retryAfter: spacing);
        }

        return new ChannelSendException(codeText, reason, retryable: false);
    }

    private static string Reason(int code, string? message) => code switch
    {
        131047 => "More than 24 hours have passed since the customer last wrote; only an approved template can reach them now.",
        131026 => "Message undeliverable: the number may not be on WhatsApp, or the customer has not accepted the latest terms.",
        132000 => message ?? "The number of template parameters does not match the template.",
        132001 => message ?? "The template does not exist in this language or is not approved.",
        190 => "The access token has expired or was revoked; reconnect the channel with a new token.",
        _ => message ?? $"WhatsApp error {code}.",
    };

    private static TimeSpan? Max(TimeSpan a, TimeSpan? b) => b is { } other && other > a ? other : a;

    private static (int? Code, string? Message) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var error = document.RootElement.Child("error");
            if (error is not { } e)
            {
                return (null, null);
            }

            var code = e.Child("code") is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var c) ? c : (int?)null;
            var details = e.Child("error_data")?.Text("details");
            var message = e.Text("message");
            return (code, details is null ? message : $"{message} ({details})");
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
