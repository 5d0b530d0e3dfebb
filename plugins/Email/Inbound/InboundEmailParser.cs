using System.Text.Json;
using MimeKit;
using Sahut.Channels;
using Sahut.Plugins.Email.Threading;

namespace Sahut.Plugins.Email.Inbound;

/// <summary>Turns a MIME message into an inbox message: text, sanitised HTML, attachments, threading ids.</summary>
internal sealed class InboundEmailParser(EmailHtmlSanitizer sanitizer)
{
    /// <param name="fallbackId">Used as the provider id when the message carries no Message-ID (stable per mailbox position).</param>
    /// <param name="receivedAt">When our server received it (IMAP INTERNALDATE); the sender's Date header is only a fallback, as clocks and drafts lie.</param>
    public ParsedEmail Parse(MimeMessage mime, string channelAddress, string fallbackId, DateTimeOffset? receivedAt)
    {
        var ancestors = MessageIds.Ancestors(mime);
        if (LoopGuard.SkipReason(mime, channelAddress) is { } skip)
        {
            return new ParsedEmail(null, ancestors, skip);
        }

        var from = mime.From.Mailboxes.FirstOrDefault(m => m.Address.Contains('@', StringComparison.Ordinal))
            ?? throw new MalformedEmailException("The message has no valid From address.");
        var id = mime.MessageId is { Length: > 0 } messageId ? MessageIds.Wrap(messageId) : fallbackId;
        var subject = mime.Subject is { } raw ? ConversationToken.Strip(raw) : null;
        var hint = ConversationToken.FindIn(mime.Subject) ?? FindAddressToken(mime);

        var html = mime.HtmlBody is { Length: > 0 } rawHtml ? sanitizer.Sanitize(rawHtml) : null;
        var text = mime.TextBody is { Length: > 0 } plain ? plain
            : mime.HtmlBody is { Length: > 0 } htmlOnly ? HtmlText.From(htmlOnly)
            : "";
        text = text.ReplaceLineEndings("\n").TrimEnd();

        var (attachments, inline) = CollectAttachments(mime);
        var metadata = new EmailMetadata(
            id,
            subject,
            mime.To.Mailboxes.Select(m => m.Address).ToList(),
            mime.Cc.Mailboxes.Select(m => m.Address).ToList(),
            html,
            QuotedHistory.FindStart(text),
            inline);

        var message = new InboundMessage(
            ProviderMessageId: id,
            From: from.Address.ToLowerInvariant(),
            FromName: string.IsNullOrWhiteSpace(from.Name) ? null : from.Name,
            Timestamp: receivedAt?.UtcDateTime ?? (mime.Date == DateTimeOffset.MinValue ? default : mime.Date.UtcDateTime),
            Kind: MessageKinds.Email,
            Body: text,
            Attachments: attachments,
            ReplyToProviderMessageId: ancestors.FirstOrDefault(),
            ThreadKey: MessageIds.ThreadRoot(mime, id),
            Subject: subject,
            Metadata: JsonSerializer.Serialize(metadata, JsonSerializerOptions.Web),
            ConversationHint: hint);
        return new ParsedEmail(message, ancestors, null);
    }

    private static Guid? FindAddressToken(MimeMessage mime) =>
        mime.To.Mailboxes.Concat(mime.Cc.Mailboxes)
            .Select(m => ConversationToken.FindInAddress(m.Address))
            .FirstOrDefault(token => token is not null);

    private static (List<InboundAttachment> Files, List<InlineImage> Inline) CollectAttachments(MimeMessage mime)
    {
        var files = new List<InboundAttachment>();
        var inline = new List<InlineImage>();
        var index = 0;
        foreach (var entity in mime.BodyParts)
        {
            index++;
            switch (entity)
            {
                case MessagePart attached when attached.Message is { } inner:
                    files.Add(new InboundAttachment(FileName(attached.ContentDisposition?.FileName, inner.Subject, index, ".eml"), "message/rfc822", null, Serialize(inner)));
                    break;
                case TextPart text when !text.IsAttachment && text.ContentId is null:
                    // The text and HTML bodies themselves.
                    break;
                case MimePart part when part.Content is not null:
                    var name = FileName(part.FileName, null, index, Extension(part.ContentType));
                    files.Add(new InboundAttachment(name, part.ContentType.MimeType, null, Decode(part)));
                    if (part.ContentId is { Length: > 0 } contentId)
                    {
                        inline.Add(new InlineImage(contentId, name));
                    }

                    break;
            }
        }

        return (files, inline);
    }

    private static string FileName(string? given, string? subject, int index, string extension) =>
        given is { Length: > 0 } ? Path.GetFileName(given)
        : subject is { Length: > 0 } ? string.Concat(subject.Split(Path.GetInvalidFileNameChars())).Trim() + extension
        : $"attachment-{index}{extension}";

    private static string Extension(ContentType type) =>
        MimeTypes.TryGetExtension(type.MimeType, out var extension) ? extension : ".bin";

    private static byte[] Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    private static byte[] Serialize(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
