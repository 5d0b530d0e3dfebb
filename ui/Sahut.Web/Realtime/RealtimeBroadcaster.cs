using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Events;

namespace Sahut.Web.Realtime;

/// <summary>
/// Forwards committed domain events to the browsers of the event's workspace only (mentions to the mentioned user
/// only). Payloads carry ids; clients fetch what they show through the API, which checks access again. Lease
/// payloads also carry <c>expiresInMs</c>, so browsers time the lock without trusting their own clock. Sending is
/// left to <see cref="RealtimeBatcher"/>. The context is resolved (Autofac's Lazy) only for the one event that reads
/// from it: building one per dispatched batch was a visible share of the ingest CPU.
/// </summary>
internal sealed class RealtimeBroadcaster<TEvent>(RealtimeBatcher batcher, Lazy<SahutDbContext> db, TimeProvider time) : IDomainEventHandler<TEvent>
    where TEvent : DomainEvent
{
    // The event's name as browsers know it ("messageReceived"), one string per event type.
    private static readonly string EventName = char.ToLowerInvariant(typeof(TEvent).Name[0]) + typeof(TEvent).Name[1..];

    public async Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is UserMentioned mention)
        {
            batcher.Post(RealtimeGroups.User(mention.UserId), new { type = EventName, data = mention });
            return;
        }

        object data = domainEvent;
        if (domainEvent is ReplyLeaseChanged { HolderId: { } holder, ExpiresAt: { } expiresAt } lease)
        {
            var name = await db.Value.Users.Where(u => u.Id == holder).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(cancellationToken);
            data = new { lease.WorkspaceId, lease.ConversationId, lease.HolderId, holderName = name, lease.ExpiresAt, expiresInMs = LeaseClock.MillisecondsLeft(expiresAt, time), lease.Renewed };
        }

        batcher.Post(RealtimeGroups.Workspace(domainEvent.WorkspaceId), new { type = EventName, data });
    }
}
