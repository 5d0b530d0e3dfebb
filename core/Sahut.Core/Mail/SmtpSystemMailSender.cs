using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Sahut.Mail;

/// <summary>Sends system mail with MailKit, one message per recipient, over one connection per call.</summary>
public sealed class SmtpSystemMailSender(IOptions<SystemMailOptions> options, ILogger<SmtpSystemMailSender> logger) : ISystemMailSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(SystemMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        if (!IsConfigured)
        {
            logger.LogInformation("System mail is not configured (Sahut:Mail:Host); not sending {Subject} to {Count} recipients", mail.Subject, mail.To.Count);
            return;
        }

        if (mail.To.Count == 0)
        {
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host!, settings.Port, ToSocketOptions(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
        }

        foreach (var recipient in mail.To)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(settings.FromName, settings.From));
            message.To.Add(MailboxAddress.Parse(recipient));
            message.Subject = mail.Subject;
            message.Body = new TextPart("plain") { Text = mail.TextBody };
            await client.SendAsync(message, cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent system mail {Subject} to {Count} recipients", mail.Subject, mail.To.Count);
    }

    private static SecureSocketOptions ToSocketOptions(string security) => security.ToLowerInvariant() switch
    {
        "ssl" => SecureSocketOptions.SslOnConnect,
        "starttls" => SecureSocketOptions.StartTls,
        "none" => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
