using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Events;

namespace Sahut.Web.Realtime;

/// <summary>
/// Forwards committed domain events to the browsers of the event's workspace only (mentions to the mentioned user
/// only). Payloads carry ids; clients fetch what they show through the API, which checks access again. Lease
/// payloads also carry <c>expiresInMs</c>, so browsers time the lock without trusting their own clock.
/// </summary>
internal sealed class RealtimeBroadcaster<TEvent>(IHubContext<InboxHub> hub, SahutDbContext db, TimeProvider time) : IDomainEventHandler<TEvent>
    where TEvent : DomainEvent
{
    public async Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken)
    {
        var type = char.ToLowerInvariant(typeof(TEvent).Name[0]) + typeof(TEvent).Name[1..];
        if (domainEvent is UserMentioned mention)
        {
            await hub.Clients.Group(RealtimeGroups.User(mention.UserId)).SendAsync("event", new { type, data = mention }, cancellationToken);
            return;
        }

        object data = domainEvent;
        if (domainEvent is ReplyLeaseChanged { HolderId: { } holder, ExpiresAt: { } expiresAt } lease)
        {
            var name = await db.Users.Where(u => u.Id == holder).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(cancellationToken);
            data = new { lease.WorkspaceId, lease.ConversationId, lease.HolderId, holderName = name, lease.ExpiresAt, expiresInMs = LeaseClock.MillisecondsLeft(expiresAt, time), lease.Renewed };
        }

        await hub.Clients.Group(RealtimeGroups.Workspace(domainEvent.WorkspaceId)).SendAsync("event", new { type, data }, cancellationToken);
    }
}
