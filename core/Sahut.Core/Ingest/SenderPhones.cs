using Sahut.Channels;
using Sahut.Phones;

namespace Sahut.Ingest;

/// <summary>
/// Message senders read as phone identities, exactly as <see cref="Inbox.ContactService.NormalizeIdentity"/> reads a
/// phone (falling back to the trimmed text, as the writer does): worked out by each request so the single writer
/// need not parse phone numbers, which was a visible share of its time.
/// </summary>
internal static class SenderPhones
{
    /// <summary>By event position: the sender's phone identity, or null for other events and email senders.</summary>
    public static string?[] Of(IReadOnlyList<InboundEvent> events, PhoneNumberNormalizer phones)
    {
        var identities = new string?[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is InboundMessage { From: var from } && !from.Contains('@', StringComparison.Ordinal))
            {
                identities[i] = phones.Normalize(from) ?? from.Trim();
            }
        }

        return identities;
    }
}
