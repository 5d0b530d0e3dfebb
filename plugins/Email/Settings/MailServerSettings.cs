namespace Sahut.Plugins.Email.Settings;

/// <summary>How to reach and log in to one mail server (IMAP or SMTP).</summary>
internal sealed record MailServerSettings(string Host, int Port, string Security, string Username, string Password);
