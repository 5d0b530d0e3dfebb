namespace Sahut.Domain;

public enum ChannelState
{
    Active = 0,
    NeedsReconnect = 1,
    Disconnected = 2,
}
