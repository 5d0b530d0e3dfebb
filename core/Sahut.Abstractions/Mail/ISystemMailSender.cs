namespace Sahut.Mail;

/// <summary>
/// Sahut's own outgoing mail (notifications to people, not a channel's mail), over the SMTP server configured in
/// "Sahut:Mail". When none is configured, sending logs and does nothing.
/// </summary>
public interface ISystemMailSender
{
    bool IsConfigured { get; }

    Task SendAsync(SystemMail mail, CancellationToken cancellationToken);
}

/// <summary>One message; each recipient gets it separately so addresses are not disclosed to each other.</summary>
public sealed record SystemMail(IReadOnlyList<string> To, string Subject, string TextBody);
