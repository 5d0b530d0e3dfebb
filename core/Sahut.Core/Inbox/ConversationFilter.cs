using Sahut.Domain;

namespace Sahut.Inbox;

/// <summary>Inbox list filters. <see cref="Assignee"/> is "me", "unassigned", a user id, or null for all.</summary>
public sealed record ConversationFilter(ConversationStatus? Status, string? Assignee, Guid? ChannelId, string? Query, int Page = 1, Guid? LabelId = null)
{
    public const int PageSize = 25;
}
