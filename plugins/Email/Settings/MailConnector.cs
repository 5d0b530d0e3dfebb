using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Sahut.Plugins.Email.Settings;

/// <summary>Opens logged-in IMAP and SMTP sessions for a channel's settings.</summary>
internal sealed class MailConnector(EmailOptions options)
{
    public async Task<ImapClient> ConnectImapAsync(MailServerSettings server, CancellationToken cancellationToken)
    {
        var client = new ImapClient { Timeout = (int)options.ServerTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(server.Host, server.Port, MailSecurity.ToSocketOptions(server.Security), cancellationToken);
            await client.AuthenticateAsync(server.Username, server.Password, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<SmtpClient> ConnectSmtpAsync(MailServerSettings server, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)options.ServerTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(server.Host, server.Port, MailSecurity.ToSocketOptions(server.Security), cancellationToken);
            // A relay that offers no AUTH (e.g. a trusted local MTA) takes mail without it; one that requires it says so on send.
            if (client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            {
                await client.AuthenticateAsync(server.Username, server.Password, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static bool IsLoginRefused(Exception exception) => exception is AuthenticationException;
}
