using Sahut.Channels;

namespace Sahut.Plugins.WhatsApp.Webhooks;

/// <summary>
/// Everything one webhook delivery carried. <see cref="Events"/> are grouped by the business phone number they were
/// addressed to (null when the provider's payload does not say), so a delivery for a sibling number can be routed.
/// <see cref="WhatsAppIdStatuses"/> are statuses the provider may know under two ids (see <see cref="WhatsAppIdStatus"/>);
/// the provider turns them into sink statuses for the receiving channel.
/// </summary>
internal sealed record WebhookBatch(IReadOnlyList<PhoneNumberEvents> Events, IReadOnlyList<TemplateStatusUpdate> TemplateUpdates, IReadOnlyList<WhatsAppIdStatus>? WhatsAppIdStatuses = null)
{
    public static WebhookBatch Empty { get; } = new([], []);
}

/// <summary>
/// A status of one of the business's messages, keyed by the provider's own message id, that also names the WhatsApp
/// message id. Qontak's broadcasts answer the send with a broadcast id while their status webhooks carry another
/// message id and the WhatsApp id, so the WhatsApp id is what links the two.
/// </summary>
internal sealed record WhatsAppIdStatus(InboundStatus Status, string WhatsAppMessageId);

internal sealed record PhoneNumberEvents(string? PhoneNumberId, IReadOnlyList<InboundEvent> Events);

/// <summary>Meta's <c>message_template_status_update</c>: a template of a WABA changed status.</summary>
internal sealed record TemplateStatusUpdate(string? WabaId, string Name, string? Language, string Status, string? Reason);
