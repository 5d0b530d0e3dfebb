using Sahut.Domain;

namespace Sahut.Inbox;

/// <summary>A row of the inbox list.</summary>
public sealed record ConversationSummary(
    Guid Id,
    Guid ChannelId,
    string ChannelName,
    string ChannelType,
    Guid ContactId,
    string? ContactName,
    string? ContactIdentifier,
    ConversationStatus Status,
    Guid? AssigneeId,
    string? Subject,
    string? LastMessagePreview,
    DateTime CreatedAt,
    DateTime LastMessageAt,
    DateTime? LastInboundAt,
    int MessagesIn,
    int MessagesOut);

public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, int Page, int PageSize, bool HasMore);

/// <summary>One entry of a conversation's timeline: a message or an internal note.</summary>
public sealed record TimelineItem(
    string Type,
    Guid Id,
    DateTime CreatedAt,
    string? Direction,
    string? Kind,
    string? Body,
    string? DeliveryStatus,
    string? FailureCode,
    string? FailureReason,
    Guid? AuthorId,
    string? Metadata,
    IReadOnlyList<AttachmentView> Attachments,
    Guid? ReplyToMessageId = null);

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long? Size, bool Available);
