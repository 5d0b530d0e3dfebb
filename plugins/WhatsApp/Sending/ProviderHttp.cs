using System.Net;
using System.Text.Json;
using Sahut.Channels;

namespace Sahut.Plugins.WhatsApp.Sending;

/// <summary>
/// The plugin's one HTTP client for provider calls. Network failures and timeouts become retryable
/// <see cref="ChannelSendException"/>s; error responses go through the provider's error mapper.
/// </summary>
internal sealed class ProviderHttp(WhatsAppOptions options) : IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };

    public delegate ChannelSendException ErrorMapper(HttpStatusCode status, string body, TimeSpan? retryAfter);

    public async Task<JsonDocument> SendForJsonAsync(HttpRequestMessage request, ErrorMapper mapError, CancellationToken cancellationToken)
    {
        var (_, bytes) = await SendAsync(request, mapError, cancellationToken);
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new ChannelSendException("bad-response", "The provider's answer was not JSON.", retryable: false, inner: ex);
        }
    }

    public async Task<(string? ContentType, byte[] Content)> SendAsync(HttpRequestMessage request, ErrorMapper mapError, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            var content = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw mapError(response.StatusCode, System.Text.Encoding.UTF8.GetString(content), response.Headers.RetryAfter?.Delta);
            }

            return (response.Content.Headers.ContentType?.ToString(), content);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelSendException("timeout", $"The provider did not answer within {options.RequestTimeout.TotalSeconds:0} s.", retryable: true, inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ChannelSendException("network", ex.Message, retryable: true, inner: ex);
        }
    }

    public void Dispose() => client.Dispose();
}
