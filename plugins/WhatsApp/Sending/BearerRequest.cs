using System.Net.Http.Headers;

namespace Sahut.Plugins.WhatsApp.Sending;

/// <summary>Requests to BSP APIs that take the channel's token as <c>Authorization: Bearer</c>.</summary>
internal static class BearerRequest
{
    public static HttpRequestMessage Create(HttpMethod method, string url, string? token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>
    /// A media download. The token only goes to the provider's own API host: a media link on another host (a storage
    /// bucket) gets no credentials, so the channel's token never leaks to a third party.
    /// </summary>
    public static HttpRequestMessage ForMedia(string url, string apiBaseUrl, string? token)
    {
        var sameHost = Uri.TryCreate(url, UriKind.Absolute, out var media) && Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var api)
            && Uri.Compare(media, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        return sameHost ? Create(HttpMethod.Get, url, token) : new HttpRequestMessage(HttpMethod.Get, url);
    }
}
