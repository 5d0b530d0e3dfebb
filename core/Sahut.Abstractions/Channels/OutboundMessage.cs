namespace Sahut.Channels;

/// <summary>One message to send. <paramref name="To"/> is the contact identity value (E.164 phone, email address).</summary>
public sealed record OutboundMessage(
    Guid MessageId,
    Guid ConversationId,
    string To,
    string? Text,
    OutboundTemplate? Template,
    string? ReplyToProviderMessageId,
    IReadOnlyList<OutboundAttachment> Attachments,
    IReadOnlyDictionary<string, string> ConversationProperties);

public sealed record OutboundTemplate(string Name, string Language, IReadOnlyList<OutboundTemplateParameter> Parameters);

public sealed record OutboundTemplateParameter(string? Name, string Value);

public sealed record OutboundAttachment(string FileName, string ContentType, string StoragePath);
