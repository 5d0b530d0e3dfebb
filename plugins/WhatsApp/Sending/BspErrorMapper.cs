using System.Net;
using Sahut.Channels;

namespace Sahut.Plugins.WhatsApp.Sending;

/// <summary>Retry advice for BSPs that answer with plain HTTP statuses instead of Meta's error codes.</summary>
internal static class BspErrorMapper
{
    public static ChannelSendException Map(HttpStatusCode status, string body, TimeSpan? retryAfter)
    {
        var code = (int)status;
        var detail = body.Length > 300 ? body[..300] : body;
        return new ChannelSendException(
            $"http-{code}",
            $"The provider answered {code}: {detail}",
            retryable: code >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout,
            retryAfter: retryAfter,
            channelNeedsReconnect: status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }
}
