using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Team;

/// <summary>
/// The inbox tabs' counts: open conversations whose latest message came from the customer and has no answer yet.
/// Derived from the conversation row alone (no per-agent read state), so it is the same for every agent.
/// </summary>
public sealed class UnansweredCounts(SahutDbContext db)
{
    public async Task<UnansweredCount> CountAsync(Guid workspaceId, Guid? userId, CancellationToken cancellationToken)
    {
        var unanswered = db.Conversations.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.Status == ConversationStatus.Open && c.LastInboundAt != null && c.LastInboundAt >= c.LastMessageAt);
        var byAssignee = await unanswered
            .GroupBy(c => c.AssigneeId)
            .Select(g => new { AssigneeId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new UnansweredCount(
            Mine: userId is null ? 0 : byAssignee.Where(g => g.AssigneeId == userId).Sum(g => g.Count),
            Unassigned: byAssignee.Where(g => g.AssigneeId == null).Sum(g => g.Count),
            All: byAssignee.Sum(g => g.Count));
    }
}

public sealed record UnansweredCount(int Mine, int Unassigned, int All);
