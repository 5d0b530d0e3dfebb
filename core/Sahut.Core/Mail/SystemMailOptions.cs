namespace Sahut.Mail;

/// <summary>The SMTP server Sahut sends its own mail through ("Sahut:Mail"). Without a <see cref="Host"/>, mail is not sent.</summary>
public sealed class SystemMailOptions
{
    public const string Section = "Sahut:Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>"auto" (STARTTLS when offered), "starttls", "ssl" or "none".</summary>
    public string Security { get; set; } = "auto";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "sahut@localhost";

    public string FromName { get; set; } = "Sahut";
}
