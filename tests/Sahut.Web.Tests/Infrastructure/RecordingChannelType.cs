using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sahut.Channels;

namespace Sahut.Web.Tests.Infrastructure;

/// <summary>A WhatsApp-like channel type (24-hour window, templates) that records what it sends.</summary>
public sealed class RecordingChannelType : IChannelType
{
    public string Key => "recording";

    public string DisplayName => "Recording";

    public ChannelCapabilities Capabilities { get; } = new(Templates: true, Attachments: false, TimeSpan.FromHours(24), Webhook: true, IdentityKinds.Phone);

    public ConcurrentQueue<OutboundMessage> Sent { get; } = new();

    public ValueTask<ChannelSettingsValidation> ValidateSettingsAsync(JsonObject settings, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ChannelSettingsValidation.Valid(settings));

    public Task<OutboundSendResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        return Task.FromResult(new OutboundSendResult("rec-" + message.MessageId.ToString("N")));
    }
}
