using MimeKit;

namespace Sahut.Plugins.Email.Tests.Infrastructure;

/// <summary>Customer emails for the tests.</summary>
public static class Mails
{
    public static MimeMessage From(string customer, string to, string subject, string text, string? messageId = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Budi Santoso", customer));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("pelanggan.example");
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
