using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sahut.Data;
using Sahut.Errors;
using Sahut.Events;
using Sahut.Inbox;

namespace Sahut.Team;

/// <summary>
/// DESIGN §5 on the server: an assigned conversation is its assignee's to answer, and nobody replies while another
/// agent holds the reply lease. The sender takes the lease for the send (atomically against other nodes) and
/// releases it afterwards, so two simultaneous replies cannot both pass. API tokens act as "nobody": they may reply
/// only in unassigned conversations no agent is replying to.
/// </summary>
internal sealed class OneReplierGuard(SahutDbContext db, IReplyLeaseStore leases, DomainEventBus bus, IOptions<TeamOptions> options) : IReplyGuard
{
    public async Task EnsureMayReplyAsync(Guid workspaceId, Guid conversationId, Guid? userId, CancellationToken cancellationToken)
    {
        var assignee = await db.Conversations.Where(c => c.Id == conversationId && c.WorkspaceId == workspaceId).Select(c => c.AssigneeId).FirstOrDefaultAsync(cancellationToken);
        if (assignee is { } assigned && assigned != userId)
        {
            throw new ConflictException("assigned-to-other", "This conversation is assigned to another agent. Add a note or ask an admin to reassign it.");
        }

        if (userId is not { } user)
        {
            if (await leases.GetAsync(conversationId, cancellationToken) is { } held)
            {
                throw new ConflictException("reply-lease", $"Another agent is replying (until {held.ExpiresAt:O}).");
            }

            return;
        }

        var lease = await leases.AcquireAsync(workspaceId, conversationId, user, options.Value.ReplyLease, cancellationToken);
        if (!lease.Granted)
        {
            throw new ConflictException("reply-lease", $"Another agent is replying (until {lease.ExpiresAt:O}).");
        }
    }

    /// <summary>Called after the reply is stored: sending releases the lease.</summary>
    public async Task ReplySentAsync(Guid workspaceId, Guid conversationId, Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is { } user && await leases.ReleaseAsync(conversationId, user, cancellationToken))
        {
            bus.Publish(new ReplyLeaseChanged(workspaceId, conversationId, null, null, Renewed: false));
        }
    }
}
