namespace Sahut.Channels;

/// <summary>Something a channel received: a customer message or a delivery-status change of one of ours.</summary>
public abstract record InboundEvent;

/// <summary>
/// A message from a customer. <see cref="From"/> is an identity value of the channel's identity kind.
/// The conversation is found, in order, by <see cref="ConversationHint"/> (a conversation id the channel recovered,
/// e.g. from a token in an email subject); then, for threaded channels (those that set <see cref="ThreadKey"/>), by the
/// conversation of <see cref="ReplyToProviderMessageId"/> and then by the thread key, else a new conversation; for
/// chat channels (no thread key) the contact's latest conversation on the channel.
/// </summary>
public sealed record InboundMessage(
    string ProviderMessageId,
    string From,
    string? FromName,
    DateTime Timestamp,
    string Kind,
    string? Body,
    IReadOnlyList<InboundAttachment> Attachments,
    string? ReplyToProviderMessageId = null,
    string? ThreadKey = null,
    string? Subject = null,
    string? Metadata = null,
    Guid? ConversationHint = null) : InboundEvent;

/// <summary>An attachment the core should fetch after commit, or whose bytes are already at hand.</summary>
public sealed record InboundAttachment(string FileName, string ContentType, string? ProviderMediaId, byte[]? Content);

/// <summary>A delivery status for a message we sent.</summary>
public sealed record InboundStatus(
    string ProviderMessageId,
    DeliveryStatus Status,
    DateTime Timestamp,
    string? ErrorCode = null,
    string? ErrorReason = null) : InboundEvent;
