using Autofac;
using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Data;
using Sahut.Plugins.WhatsApp.Webhooks;

namespace Sahut.Plugins.WhatsApp.Providers.Qontak;

/// <summary>
/// Links Qontak broadcast ids (what the core stored for a template) to WhatsApp message ids (what Qontak's status
/// webhooks name), in the plugin's own tables so every node sees them. A status that arrives before its link is held
/// and applied when the link is made. Holding and linking each write first and read second, so whichever of the two
/// comes last sees the other: a status is never lost between them (at worst applied twice, which the core ignores).
/// </summary>
internal sealed class QontakBroadcastLinks(ILifetimeScope root, WhatsAppOptions options, TimeProvider time)
{
    private static readonly TimeSpan CheckLease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan KeepHeld = TimeSpan.FromHours(2);
    private static readonly TimeSpan KeepLinks = TimeSpan.FromDays(30);

    public async Task TrackAsync(Guid channelId, string broadcastId, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<WhatsAppDb>();
        var now = time.GetUtcNow().UtcDateTime;
        db.QontakBroadcasts.Add(new QontakBroadcast { ChannelId = channelId, BroadcastId = broadcastId, CreatedAt = now, NextCheckAt = now + options.QontakLogFirstCheck });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Broadcasts whose log is due, each claimed for this node for a while (a conditional update is the claim).</summary>
    public async Task<IReadOnlyList<QontakBroadcast>> ClaimDueAsync(int max, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<WhatsAppDb>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.QontakBroadcasts.AsNoTracking().Where(b => b.NextCheckAt != null && b.NextCheckAt <= now).OrderBy(b => b.NextCheckAt).Take(max).ToListAsync(cancellationToken);
        List<QontakBroadcast> claimed = [];
        foreach (var broadcast in due)
        {
            var until = now + CheckLease;
            var won = await db.QontakBroadcasts.Where(b => b.Id == broadcast.Id && b.NextCheckAt == broadcast.NextCheckAt)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.NextCheckAt, until).SetProperty(b => b.Attempts, b => b.Attempts + 1), cancellationToken);
            if (won == 1)
            {
                broadcast.Attempts++;
                claimed.Add(broadcast);
            }
        }

        return claimed;
    }

    /// <summary>Asks the log again later (doubling waits), or never again once the attempts are spent.</summary>
    public async Task CheckLaterAsync(QontakBroadcast broadcast, CancellationToken cancellationToken)
    {
        DateTime? next = broadcast.Attempts >= options.QontakLogAttempts
            ? null
            : time.GetUtcNow().UtcDateTime + TimeSpan.FromTicks(Math.Min(options.QontakLogMaxDelay.Ticks, options.QontakLogFirstCheck.Ticks << Math.Min(broadcast.Attempts, 20)));
        await UpdateAsync(broadcast.Id, null, next, cancellationToken);
    }

    public Task StopCheckingAsync(QontakBroadcast broadcast, CancellationToken cancellationToken) => UpdateAsync(broadcast.Id, null, null, cancellationToken);

    /// <summary>Records the broadcast's WhatsApp message id; returns the statuses held for it, now keyed by the broadcast id.</summary>
    public async Task<(IReadOnlyList<InboundStatus> Statuses, IReadOnlyList<Guid> HeldIds)> LinkAsync(QontakBroadcast broadcast, string whatsAppMessageId, CancellationToken cancellationToken)
    {
        await UpdateAsync(broadcast.Id, whatsAppMessageId, null, cancellationToken);
        await using var scope = root.BeginLifetimeScope();
        var held = await scope.Resolve<WhatsAppDb>().QontakHeldStatuses.AsNoTracking()
            .Where(h => h.ChannelId == broadcast.ChannelId && h.WhatsAppMessageId == whatsAppMessageId).ToListAsync(cancellationToken);
        return (held.Select(h => ToStatus(h, broadcast.BroadcastId)).ToList(), held.Select(h => h.Id).ToList());
    }

    /// <summary>
    /// The statuses to hand the core for a webhook's statuses: linked ones under their broadcast id; others under
    /// Qontak's own id (a room reply is known by it) and also held, in case they belong to a broadcast not linked yet.
    /// </summary>
    public async Task<IReadOnlyList<InboundStatus>> MatchAsync(Guid channelId, IReadOnlyList<WhatsAppIdStatus> statuses, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<WhatsAppDb>();
        List<InboundStatus> matched = [];
        foreach (var (status, whatsAppId) in statuses)
        {
            if (await BroadcastIdAsync(db, channelId, whatsAppId, cancellationToken) is { } linked)
            {
                matched.Add(status with { ProviderMessageId = linked });
                continue;
            }

            matched.Add(status);
            var held = new QontakHeldStatus
            {
                ChannelId = channelId,
                WhatsAppMessageId = whatsAppId,
                Status = (int)status.Status,
                Timestamp = DateTime.SpecifyKind(status.Timestamp.Kind == DateTimeKind.Local ? status.Timestamp.ToUniversalTime() : status.Timestamp, DateTimeKind.Utc),
                ErrorCode = status.ErrorCode,
                ErrorReason = status.ErrorReason,
                ReceivedAt = time.GetUtcNow().UtcDateTime,
            };
            db.QontakHeldStatuses.Add(held);
            await db.SaveChangesAsync(cancellationToken);
            if (await BroadcastIdAsync(db, channelId, whatsAppId, cancellationToken) is { } linkedMeanwhile)
            {
                matched.Add(status with { ProviderMessageId = linkedMeanwhile });
                await ReleaseAsync([held.Id], cancellationToken);
            }
        }

        return matched;
    }

    public async Task ReleaseAsync(IReadOnlyList<Guid> heldIds, CancellationToken cancellationToken)
    {
        if (heldIds.Count == 0)
        {
            return;
        }

        await using var scope = root.BeginLifetimeScope();
        await scope.Resolve<WhatsAppDb>().QontakHeldStatuses.Where(h => heldIds.Contains(h.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Forgets held statuses no broadcast claimed and links too old for any status to still arrive.</summary>
    public async Task PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<WhatsAppDb>();
        var now = time.GetUtcNow().UtcDateTime;
        await db.QontakHeldStatuses.Where(h => h.ReceivedAt < now - KeepHeld).ExecuteDeleteAsync(cancellationToken);
        await db.QontakBroadcasts.Where(b => b.CreatedAt < now - KeepLinks).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task UpdateAsync(Guid id, string? whatsAppMessageId, DateTime? nextCheckAt, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var rows = scope.Resolve<WhatsAppDb>().QontakBroadcasts.Where(b => b.Id == id);
        await (whatsAppMessageId is null
            ? rows.ExecuteUpdateAsync(s => s.SetProperty(b => b.NextCheckAt, nextCheckAt), cancellationToken)
            : rows.ExecuteUpdateAsync(s => s.SetProperty(b => b.NextCheckAt, nextCheckAt).SetProperty(b => b.WhatsAppMessageId, whatsAppMessageId), cancellationToken));
    }

    private static Task<string?> BroadcastIdAsync(WhatsAppDb db, Guid channelId, string whatsAppMessageId, CancellationToken cancellationToken) =>
        db.QontakBroadcasts.AsNoTracking().Where(b => b.ChannelId == channelId && b.WhatsAppMessageId == whatsAppMessageId).Select(b => b.BroadcastId).FirstOrDefaultAsync(cancellationToken);

    private static InboundStatus ToStatus(QontakHeldStatus held, string broadcastId) =>
        new(broadcastId, (DeliveryStatus)held.Status, held.Timestamp, held.ErrorCode, held.ErrorReason);
}
