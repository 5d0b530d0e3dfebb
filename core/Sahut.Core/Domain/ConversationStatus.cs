namespace Sahut.Domain;

public enum ConversationStatus
{
    Open = 0,
    Pending = 1,
    Resolved = 2,
}
