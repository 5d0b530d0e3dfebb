namespace Sahut.Channels;

/// <summary>Outbound delivery status. Numeric order is the only direction a status may move, except <see cref="Failed"/>.</summary>
public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Delivered = 2,
    Read = 3,
    Failed = 9,
}
