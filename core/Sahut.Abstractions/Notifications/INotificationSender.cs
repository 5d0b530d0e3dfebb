namespace Sahut.Notifications;

/// <summary>Tells a workspace's owners and admins something: an in-app notification each, and an email each when mail is configured.</summary>
public interface INotificationSender
{
    Task NotifyAdminsAsync(WorkspaceNotice notice, CancellationToken cancellationToken);
}

/// <param name="Kind">A stable kind for the UI, e.g. "billing.usage-80".</param>
/// <param name="Text">The in-app text (already localised).</param>
/// <param name="Link">Where the notification leads, e.g. "/w/{ws}/settings/billing".</param>
public sealed record WorkspaceNotice(Guid WorkspaceId, string Kind, string Text, string? Link, string EmailSubject, string EmailBody);
