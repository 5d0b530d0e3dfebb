using MimeKit;
using Sahut.Channels;
using Sahut.Plugins.Email.Settings;
using Sahut.Plugins.Email.Threading;

namespace Sahut.Plugins.Email.Outbound;

/// <summary>Builds the MIME message for an agent's reply: our address, threading headers, the conversation token, attachments.</summary>
internal static class OutboundEmailBuilder
{
    public static MimeMessage Build(ChannelContext channel, EmailSettings settings, OutboundMessage outbound, Func<OutboundAttachment, string> resolvePath)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(channel.Name, settings.Address));
        mime.ReplyTo.Add(new MailboxAddress(channel.Name, settings.Address));
        mime.To.Add(MailboxAddress.Parse(outbound.To));
        // Stable across retries of the same outbox item, so a receiver that got a send we could not confirm sees a repeat.
        mime.MessageId = MessageIds.Unwrap($"<{outbound.MessageId:N}@{Domain(settings.Address)}>");
        mime.Subject = Subject(outbound, channel.Name);

        if (outbound.ReplyToProviderMessageId is { Length: > 0 } replyTo)
        {
            mime.InReplyTo = MessageIds.Unwrap(replyTo);
        }

        foreach (var reference in References(outbound))
        {
            mime.References.Add(MessageIds.Unwrap(reference));
        }

        var body = new BodyBuilder { TextBody = outbound.Text ?? "" };
        foreach (var attachment in outbound.Attachments)
        {
            body.Attachments.Add(attachment.FileName, File.ReadAllBytes(resolvePath(attachment)), ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static string Subject(OutboundMessage outbound, string channelName)
    {
        var subject = outbound.ConversationProperties.TryGetValue("subject", out var stored) && !string.IsNullOrWhiteSpace(stored)
            ? ConversationToken.Strip(stored)
            : channelName;
        if (outbound.ReplyToProviderMessageId is not null && !subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase))
        {
            subject = "Re: " + subject;
        }

        return $"{subject} {ConversationToken.Format(outbound.ConversationId)}";
    }

    private static IEnumerable<string> References(OutboundMessage outbound)
    {
        var ids = new List<string>();
        if (outbound.ConversationProperties.TryGetValue("threadKey", out var root) && !string.IsNullOrWhiteSpace(root))
        {
            ids.Add(MessageIds.Wrap(root));
        }

        if (outbound.ReplyToProviderMessageId is { Length: > 0 } replyTo && !ids.Contains(MessageIds.Wrap(replyTo)))
        {
            ids.Add(MessageIds.Wrap(replyTo));
        }

        return ids;
    }

    private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];
}
