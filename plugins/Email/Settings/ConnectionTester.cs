using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Sahut.Plugins.Email.Settings;

/// <summary>Logs in to IMAP and SMTP with the given settings and explains, per field, what went wrong.</summary>
internal sealed class ConnectionTester(MailConnector connector)
{
    public async Task<Dictionary<string, string[]>> TestAsync(EmailSettings settings, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        try
        {
            using var imap = await connector.ConnectImapAsync(settings.Imap, cancellationToken);
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
            await imap.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (field, message) = Explain("imap", "IMAP", ex);
            errors[field] = [message];
        }

        try
        {
            using var smtp = await connector.ConnectSmtpAsync(settings.Smtp, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (field, message) = Explain("smtp", "SMTP", ex);
            errors[field] = [message];
        }

        return errors;
    }

    private static (string Field, string Message) Explain(string prefix, string protocol, Exception exception) => exception switch
    {
        AuthenticationException => (prefix + "Password", $"The {protocol} server refused the username or password."),
        SslHandshakeException => (prefix + "Security", $"The secure connection to the {protocol} server failed; check the security setting and port."),
        SocketException socket => (prefix + "Host", $"Could not reach the {protocol} server: {socket.Message}"),
        OperationCanceledException or TimeoutException => (prefix + "Host", $"The {protocol} server did not answer in time."),
        ImapProtocolException or SmtpProtocolException or ImapCommandException or SmtpCommandException
            => (prefix + "Port", $"The {protocol} server answered unexpectedly: {exception.Message}"),
        NotSupportedException => (prefix + "Security", $"The {protocol} server does not support this security mode: {exception.Message}"),
        _ => (prefix + "Host", $"{protocol} connection failed: {exception.Message}"),
    };
}
