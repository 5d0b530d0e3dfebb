using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Settings;

namespace Sahut.Plugins.WhatsApp.Webhooks;

/// <summary>
/// Decides which channel each group of events belongs to. A Meta app has one callback, so a delivery that reached one
/// channel's URL may be for a sibling number of the same app: it goes to the channel with that phone-number id whose
/// app secret also signed this delivery.
/// </summary>
internal sealed class WebhookRouter(IChannelDirectory directory)
{
    public async Task<IReadOnlyList<(Guid ChannelId, List<InboundEvent> Events)>> RouteAsync(
        ChannelContext receiving, WhatsAppSettings settings, IReadOnlyList<PhoneNumberEvents> groups, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<Guid, List<InboundEvent>>();
        IReadOnlyList<ChannelContext>? siblings = null;
        foreach (var group in groups.Where(g => g.Events.Count > 0))
        {
            Guid? target = receiving.ChannelId;
            if (group.PhoneNumberId is { } phoneNumberId && settings.PhoneNumberId is { } own && phoneNumberId != own)
            {
                siblings ??= await directory.ListAsync(WhatsAppChannelType.TypeKey, cancellationToken);
                target = siblings
                    .Select(s => (Context: s, Settings: WhatsAppSettings.From(s.Settings)))
                    .Where(s => s.Settings.PhoneNumberId == phoneNumberId && s.Settings.AppSecret is not null && s.Settings.AppSecret == settings.AppSecret)
                    .Select(s => (Guid?)s.Context.ChannelId)
                    .FirstOrDefault();
            }

            if (target is not { } channelId)
            {
                continue;
            }

            if (!targets.TryGetValue(channelId, out var list))
            {
                targets[channelId] = list = [];
            }

            list.AddRange(group.Events);
        }

        return targets.Select(t => (t.Key, t.Value)).ToList();
    }
}
