using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sahut.Channels;
using Sahut.Plugins.Email.Data;
using Sahut.Plugins.Email.Settings;
using Sahut.Plugins.Email.Threading;

namespace Sahut.Plugins.Email.Outbound;

/// <summary>Sends an agent's reply over the channel's SMTP relay and maps SMTP failures to retry advice for the outbox.</summary>
internal sealed class EmailSender(MailConnector connector, IMailboxStateStore store, IConfiguration configuration, ILogger<EmailSender> logger)
{
    public async Task<OutboundSendResult> SendAsync(ChannelContext channel, OutboundMessage outbound, CancellationToken cancellationToken)
    {
        var settings = EmailSettings.From(channel.Settings);
        var mime = OutboundEmailBuilder.Build(channel, settings, outbound, ResolvePath);
        try
        {
            using var smtp = await connector.ConnectSmtpAsync(settings.Smtp, cancellationToken);
            await smtp.SendAsync(mime, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            var permanent = (int)ex.StatusCode >= 500;
            logger.LogWarning("SMTP refused message {MessageId} on channel {ChannelId}: {StatusCode} {Error}", outbound.MessageId, channel.ChannelId, ex.StatusCode, ex.Message);
            throw new ChannelSendException($"smtp-{(int)ex.StatusCode}", ex.Message, retryable: !permanent, inner: ex);
        }
        catch (AuthenticationException ex)
        {
            throw new ChannelSendException("smtp-auth", "The SMTP server refused the username or password.", retryable: false, channelNeedsReconnect: true, inner: ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException or TimeoutException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ChannelSendException("smtp-unavailable", ex.Message, retryable: true, inner: ex);
        }

        var messageId = MessageIds.Wrap(mime.MessageId!);
        try
        {
            await store.RememberMessageIdsAsync(channel.ChannelId, [messageId], CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The mail is out: failing now would make the outbox send it again. Threading still has the inbox's own copy.
            logger.LogWarning(ex, "Could not remember Message-ID {MessageId} of channel {ChannelId}", messageId, channel.ChannelId);
        }

        return new OutboundSendResult(messageId);
    }

    // Attachment paths are relative to the data directory (Sahut:DataDir, default ./data), as core stores them.
    private string ResolvePath(OutboundAttachment attachment) =>
        Path.IsPathRooted(attachment.StoragePath)
            ? attachment.StoragePath
            : Path.Combine(Path.GetFullPath(configuration["Sahut:DataDir"] is { Length: > 0 } dir ? dir : "data"), attachment.StoragePath);
}
