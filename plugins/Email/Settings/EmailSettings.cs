using System.Text.Json.Nodes;
using MimeKit;

namespace Sahut.Plugins.Email.Settings;

/// <summary>An email channel's settings (DESIGN §4): the address it answers as, its IMAP inbox and its SMTP relay.</summary>
internal sealed record EmailSettings(string Address, MailServerSettings Imap, MailServerSettings Smtp)
{
    public JsonObject ToJson() => new()
    {
        ["address"] = Address,
        ["imapHost"] = Imap.Host,
        ["imapPort"] = Imap.Port,
        ["imapSecurity"] = Imap.Security,
        ["imapUsername"] = Imap.Username,
        ["imapPassword"] = Imap.Password,
        ["smtpHost"] = Smtp.Host,
        ["smtpPort"] = Smtp.Port,
        ["smtpSecurity"] = Smtp.Security,
        ["smtpUsername"] = Smtp.Username,
        ["smtpPassword"] = Smtp.Password,
    };

    /// <summary>Reads stored (already validated) settings.</summary>
    public static EmailSettings From(JsonObject json) =>
        TryParse(json, out var settings, out var errors)
            ? settings
            : throw new InvalidOperationException("Stored email settings are invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    public static bool TryParse(JsonObject json, out EmailSettings settings, out Dictionary<string, string[]> errors)
    {
        var reader = new SettingsReader(json);
        var address = reader.Required("address");
        if (address is not null && !(MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)))
        {
            reader.Fail("address", "Enter a valid email address, e.g. support@example.com.");
        }

        var imap = reader.Server("imap", defaultPort: 993, defaultSecurity: MailSecurity.Ssl);
        var smtp = reader.Server("smtp", defaultPort: 587, defaultSecurity: MailSecurity.StartTls);
        errors = reader.Errors;
        settings = new EmailSettings(address?.Trim().ToLowerInvariant() ?? "", imap, smtp);
        return errors.Count == 0;
    }
}
