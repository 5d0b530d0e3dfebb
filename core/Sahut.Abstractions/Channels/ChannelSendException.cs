namespace Sahut.Channels;

/// <summary>A send failed. <see cref="Retryable"/> tells the outbox whether to try again; <see cref="RetryAfter"/> spaces the retry.</summary>
public sealed class ChannelSendException(string code, string reason, bool retryable, TimeSpan? retryAfter = null, bool channelNeedsReconnect = false, Exception? inner = null)
    : Exception($"{code}: {reason}", inner)
{
    public string Code { get; } = code;
    public string Reason { get; } = reason;
    public bool Retryable { get; } = retryable;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public bool ChannelNeedsReconnect { get; } = channelNeedsReconnect;
}
