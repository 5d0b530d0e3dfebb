namespace Sahut.Channels;

/// <summary>What a channel type can do; the UI and the API rules read these.</summary>
/// <param name="Templates">Supports pre-approved templates (e.g. WhatsApp).</param>
/// <param name="Attachments">Can send attachments.</param>
/// <param name="ReplyWindow">Free-form replies are allowed only this long after the customer's last message; null means always.</param>
/// <param name="Webhook">Receives inbound traffic on a webhook URL (<c>/webhooks/{type}/{webhookKey}</c>).</param>
/// <param name="IdentityKind">The contact identity kind this channel addresses: <see cref="IdentityKinds"/>.</param>
public sealed record ChannelCapabilities(
    bool Templates,
    bool Attachments,
    TimeSpan? ReplyWindow,
    bool Webhook,
    string IdentityKind);
