using MailKit.Security;

namespace Sahut.Plugins.Email.Settings;

/// <summary>The transport security values the settings accept ("ssl", "starttls", "none").</summary>
internal static class MailSecurity
{
    public const string Ssl = "ssl";
    public const string StartTls = "starttls";
    public const string None = "none";

    public static readonly string[] All = [Ssl, StartTls, None];

    public static SecureSocketOptions ToSocketOptions(string security) => security switch
    {
        Ssl => SecureSocketOptions.SslOnConnect,
        StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };
}
