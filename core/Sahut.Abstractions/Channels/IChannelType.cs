using System.Text.Json.Nodes;

namespace Sahut.Channels;

/// <summary>A kind of channel a workspace can connect (WhatsApp, email …). Register one per type in a plugin module.</summary>
public interface IChannelType
{
    /// <summary>Stable key used in the API (<c>"whatsapp"</c>, <c>"email"</c>).</summary>
    string Key { get; }

    string DisplayName { get; }

    ChannelCapabilities Capabilities { get; }

    /// <summary>Checks and normalises settings before they are encrypted and stored.</summary>
    ValueTask<ChannelSettingsValidation> ValidateSettingsAsync(JsonObject settings, CancellationToken cancellationToken);

    /// <summary>Sends one outbound message; throws <see cref="ChannelSendException"/> with retry advice on failure.</summary>
    Task<OutboundSendResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken cancellationToken);
}
