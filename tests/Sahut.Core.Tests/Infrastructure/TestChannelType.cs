using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sahut.Channels;

namespace Sahut.Tests.Infrastructure;

/// <summary>A channel type for tests: records what it is asked to send and fails on demand.</summary>
internal sealed class TestChannelType(string key = "test", TimeSpan? replyWindow = null, bool templates = true) : IChannelType, IChannelMediaDownloader
{
    public string Key { get; } = key;

    public string DisplayName => "Test";

    public ChannelCapabilities Capabilities { get; } = new(templates, Attachments: true, replyWindow, Webhook: true, IdentityKinds.Phone);

    public ConcurrentQueue<OutboundMessage> Sent { get; } = new();

    /// <summary>Failures to throw, one per send, before sends succeed again.</summary>
    public ConcurrentQueue<Exception> Failures { get; } = new();

    /// <summary>Media the fake provider holds, by media id.</summary>
    public ConcurrentDictionary<string, byte[]> Media { get; } = new();

    /// <summary>Download failures to throw before downloads succeed.</summary>
    public ConcurrentQueue<Exception> DownloadFailures { get; } = new();

    public Task<DownloadedMedia> DownloadAsync(ChannelContext channel, string providerMediaId, CancellationToken cancellationToken)
    {
        if (DownloadFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        return Task.FromResult(new DownloadedMedia(Media[providerMediaId], "image/jpeg", null));
    }

    public ValueTask<ChannelSettingsValidation> ValidateSettingsAsync(JsonObject settings, CancellationToken cancellationToken) =>
        ValueTask.FromResult(settings["token"] is null
            ? ChannelSettingsValidation.Invalid(new Dictionary<string, string[]> { ["token"] = ["required"] })
            : ChannelSettingsValidation.Valid(settings));

    /// <summary>When set, a send has reached the provider but does not return until the gate opens.</summary>
    public TaskCompletionSource? SendGate { get; set; }

    public async Task<OutboundSendResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (Failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        Sent.Enqueue(message);
        if (SendGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return new OutboundSendResult($"out-{message.MessageId:N}");
    }
}
