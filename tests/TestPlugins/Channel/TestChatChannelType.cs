using System.Text.Json.Nodes;
using Autofac;
using Sahut.Channels;
using Sahut.TestPlugins.Channel.Data;

namespace Sahut.TestPlugins.Channel;

/// <summary>
/// A minimal chat channel used to prove the channel contract end to end: WhatsApp-like capabilities, a webhook
/// guarded by a shared secret, and sends recorded in the plugin's own table (the fake provider).
/// </summary>
public sealed class TestChatChannelType(ILifetimeScope scope) : IChannelType
{
    public const string TypeKey = "testchat";

    public string Key => TypeKey;

    public string DisplayName => "Test chat";

    public ChannelCapabilities Capabilities { get; } = new(Templates: true, Attachments: false, TimeSpan.FromHours(24), Webhook: true, IdentityKinds.Phone);

    public ValueTask<ChannelSettingsValidation> ValidateSettingsAsync(JsonObject settings, CancellationToken cancellationToken) =>
        ValueTask.FromResult(settings["secret"]?.GetValue<string>() is { Length: >= 8 }
            ? ChannelSettingsValidation.Valid(settings)
            : ChannelSettingsValidation.Invalid(new Dictionary<string, string[]> { ["secret"] = ["A secret of at least 8 characters is required."] }));

    public async Task<OutboundSendResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        var providerId = "tc-" + message.MessageId.ToString("N");
        await using var send = scope.BeginLifetimeScope();
        var db = send.Resolve<TestChatDb>();
        db.Sends.Add(new TestChatSend { ChannelId = channel.ChannelId, To = message.To, Text = message.Text, Template = message.Template?.Name, ProviderMessageId = providerId });
        await db.SaveChangesAsync(cancellationToken);
        return new OutboundSendResult(providerId);
    }
}
