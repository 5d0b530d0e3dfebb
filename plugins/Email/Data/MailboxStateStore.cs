using Autofac;
using Microsoft.EntityFrameworkCore;

namespace Sahut.Plugins.Email.Data;

/// <summary><see cref="IMailboxStateStore"/> on the plugin's own tables; one short-lived DbContext per call (it serves background loops).</summary>
internal sealed class MailboxStateStore(ILifetimeScope root, TimeProvider time) : IMailboxStateStore
{
    public async Task<MailboxCheckpoint?> GetCheckpointAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<EmailDb>();
        var row = await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.ChannelId == channelId, cancellationToken);
        return row is null ? null : new MailboxCheckpoint(channelId, (uint)row.UidValidity, (uint)row.LastUid);
    }

    public async Task SaveCheckpointAsync(MailboxCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<EmailDb>();
        var row = await db.Checkpoints.FirstOrDefaultAsync(c => c.ChannelId == checkpoint.ChannelId, cancellationToken);
        if (row is null)
        {
            row = new CheckpointRow { ChannelId = checkpoint.ChannelId };
            db.Checkpoints.Add(row);
        }

        row.UidValidity = checkpoint.UidValidity;
        row.LastUid = checkpoint.LastUid;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task QuarantineAsync(QuarantinedEmail email, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<EmailDb>();
        db.Quarantine.Add(new QuarantineRow
        {
            Id = email.Id,
            ChannelId = email.ChannelId,
            UidValidity = email.UidValidity,
            Uid = email.Uid,
            MessageId = Truncate(email.MessageId, 998),
            From = Truncate(email.From, 998),
            Subject = Truncate(email.Subject, 998),
            Reason = Truncate(email.Reason, 2000)!,
            QuarantinedAt = email.QuarantinedAt,
            Raw = email.Raw,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QuarantinedEmail>> ListQuarantineAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<EmailDb>();
        var rows = await db.Quarantine.AsNoTracking()
            .Where(q => q.ChannelId == channelId)
            .Select(q => new QuarantinedEmail(q.Id, q.ChannelId, (uint)q.UidValidity, (uint)q.Uid, q.MessageId, q.From, q.Subject, q.Reason, q.QuarantinedAt, null))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(q => q.QuarantinedAt).ToList();
    }

    public async Task<QuarantinedEmail?> FindQuarantinedAsync(Guid channelId, Guid id, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<EmailDb>();
        var q = await db.Quarantine.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id && q.ChannelId == channelId, cancellationToken);
        return q is null ? null : new QuarantinedEmail(q.Id, q.ChannelId, (uint)q.UidValidity, (uint)q.Uid, q.MessageId, q.From, q.Subject, q.Reason, q.QuarantinedAt, q.Raw);
    }

    public async Task RememberMessageIdsAsync(Guid channelId, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0)
        {
            return;
        }

        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<EmailDb>();
        var ids = messageIds.Where(id => id.Length <= 998).Distinct().ToList();
        var existing = await db.KnownMessageIds.Where(k => k.ChannelId == channelId && ids.Contains(k.MessageId)).Select(k => k.MessageId).ToListAsync(cancellationToken);
        db.KnownMessageIds.AddRange(ids.Except(existing).Select(id => new KnownMessageIdRow { ChannelId = channelId, MessageId = id }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer remembered one of them first; the ids are known either way.
        }
    }

    public async Task<string?> FindFirstKnownAsync(Guid channelId, IReadOnlyList<string> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<EmailDb>();
        var known = await db.KnownMessageIds.AsNoTracking()
            .Where(k => k.ChannelId == channelId && candidates.Contains(k.MessageId))
            .Select(k => k.MessageId)
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(known.Contains);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
