using Sahut.Channels;

namespace Sahut.Inbox;

/// <summary>Statuses only move forward (sent → delivered → read; read may skip delivered). Failed ends a message that was not yet delivered.</summary>
public static class DeliveryStatusRules
{
    public static bool MayMove(DeliveryStatus current, DeliveryStatus next) =>
        current != DeliveryStatus.Failed && (next == DeliveryStatus.Failed ? current < DeliveryStatus.Delivered : next > current);
}
