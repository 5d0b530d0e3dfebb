using Sahut.Channels;

namespace Sahut.Plugins.WhatsApp.Webhooks;

/// <summary>
/// Everything one webhook delivery carried. <see cref="Events"/> are grouped by the business phone number they were
/// addressed to (null when the provider's payload does not say), so a delivery for a sibling number can be routed.
/// </summary>
internal sealed record WebhookBatch(IReadOnlyList<PhoneNumberEvents> Events, IReadOnlyList<TemplateStatusUpdate> TemplateUpdates)
{
    public static WebhookBatch Empty { get; } = new([], []);
}

internal sealed record PhoneNumberEvents(string? PhoneNumberId, IReadOnlyList<InboundEvent> Events);

/// <summary>Meta's <c>message_template_status_update</c>: a template of a WABA changed status.</summary>
internal sealed record TemplateStatusUpdate(string? WabaId, string Name, string? Language, string Status, string? Reason);
