using Microsoft.Extensions.Options;
using Sahut.Events;

namespace Sahut.Team;

/// <summary>Takes, renews and releases reply leases and tells the workspace (real-time) when the holder changes.</summary>
public sealed class ReplyLeaseService(IReplyLeaseStore store, DomainEventBus bus, IOptions<TeamOptions> options)
{
    public async Task<LeaseState> StartTypingAsync(Guid workspaceId, Guid conversationId, Guid userId, CancellationToken cancellationToken)
    {
        var before = await store.GetAsync(conversationId, cancellationToken);
        var lease = await store.AcquireAsync(workspaceId, conversationId, userId, options.Value.ReplyLease, cancellationToken);
        if (lease.Granted)
        {
            bus.Publish(new ReplyLeaseChanged(workspaceId, conversationId, userId, lease.ExpiresAt, Renewed: before?.HolderId == userId));
        }

        return lease;
    }

    public async Task StopTypingAsync(Guid workspaceId, Guid conversationId, Guid userId, CancellationToken cancellationToken)
    {
        if (await store.ReleaseAsync(conversationId, userId, cancellationToken))
        {
            bus.Publish(new ReplyLeaseChanged(workspaceId, conversationId, null, null, Renewed: false));
        }
    }

    public Task<IReadOnlyList<LeaseState>> ActiveInAsync(Guid workspaceId, CancellationToken cancellationToken) => store.ActiveInAsync(workspaceId, cancellationToken);

    public Task<LeaseState?> CurrentAsync(Guid conversationId, CancellationToken cancellationToken) => store.GetAsync(conversationId, cancellationToken);
}
