namespace Sahut.Plugins.Email.Inbound;

/// <summary>
/// What an email message stores in Message.Metadata (JSON, camelCase) for the view: the sanitised HTML, where the
/// quoted history begins in the text body, recipients, and the cid → file name map of inline images.
/// </summary>
internal sealed record EmailMetadata(
    string MessageId,
    string? Subject,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string? Html,
    int? QuotedFrom,
    IReadOnlyList<InlineImage> Inline);

internal sealed record InlineImage(string ContentId, string FileName);
