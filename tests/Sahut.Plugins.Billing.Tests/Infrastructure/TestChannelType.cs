using System.Text.Json.Nodes;
using Sahut.Channels;

namespace Sahut.Plugins.Billing.Tests.Infrastructure;

/// <summary>A channel type that accepts any settings and "sends" everything.</summary>
internal sealed class TestChannelType : IChannelType
{
    public string Key => "test";

    public string DisplayName => "Test";

    public ChannelCapabilities Capabilities { get; } = new(Templates: false, Attachments: false, ReplyWindow: null, Webhook: false, IdentityKinds.Phone);

    public ValueTask<ChannelSettingsValidation> ValidateSettingsAsync(JsonObject settings, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ChannelSettingsValidation.Valid(settings));

    public Task<OutboundSendResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(new OutboundSendResult($"out-{message.MessageId:N}"));
}
