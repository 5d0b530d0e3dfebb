namespace Sahut.Channels;

/// <summary>What a provider returned for a sent message.</summary>
public sealed record OutboundSendResult(string ProviderMessageId);
