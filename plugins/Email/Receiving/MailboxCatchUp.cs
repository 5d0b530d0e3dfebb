using MailKit;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using MimeKit;
using Sahut.Channels;
using Sahut.Plugins.Email.Data;
using Sahut.Plugins.Email.Inbound;

namespace Sahut.Plugins.Email.Receiving;

/// <summary>
/// Fetches every message above the channel's checkpoint, in UID order and in batches, hands them to the inbox, and
/// advances the checkpoint only after the inbox has stored them. Noise is skipped and bad messages are quarantined;
/// both still move the checkpoint, so one message never stops the mailbox.
/// </summary>
internal sealed class MailboxCatchUp(
    InboundEmailParser parser,
    IInboundSink sink,
    IMailboxStateStore store,
    EmailOptions options,
    TimeProvider time,
    ILogger<MailboxCatchUp> logger)
{
    public async Task RunAsync(ChannelContext channel, string address, IMailFolder inbox, CancellationToken cancellationToken)
    {
        var checkpoint = await store.GetCheckpointAsync(channel.ChannelId, cancellationToken);
        var lastUid = 0u;
        if (checkpoint is not null && checkpoint.UidValidity == inbox.UidValidity)
        {
            lastUid = checkpoint.LastUid;
        }
        else if (checkpoint is not null)
        {
            // The server renumbered the mailbox: read it all again; the inbox drops repeats by Message-ID.
            logger.LogWarning("UIDVALIDITY of channel {ChannelId} changed from {Old} to {New}; re-reading the mailbox", channel.ChannelId, checkpoint.UidValidity, inbox.UidValidity);
        }

        while (true)
        {
            var range = new UniqueIdRange(new UniqueId(inbox.UidValidity, lastUid + 1), UniqueId.MaxValue);
            // "n:*" always matches the newest message even when its UID is below n, hence the filter.
            var uids = (await inbox.SearchAsync(SearchQuery.Uids(range), cancellationToken)).Where(u => u.Id > lastUid).OrderBy(u => u.Id).ToList();
            if (uids.Count == 0)
            {
                return;
            }

            foreach (var batch in uids.Chunk(Math.Max(1, options.FetchBatchSize)))
            {
                await ProcessBatchAsync(channel, address, inbox, batch, cancellationToken);
                lastUid = batch[^1].Id;
                await store.SaveCheckpointAsync(new MailboxCheckpoint(channel.ChannelId, inbox.UidValidity, lastUid), cancellationToken);
            }
        }
    }

    private async Task ProcessBatchAsync(ChannelContext channel, string address, IMailFolder inbox, UniqueId[] batch, CancellationToken cancellationToken)
    {
        var accepted = new List<(UniqueId Uid, MimeMessage Mime, InboundMessage Message)>();
        var receivedAt = (await inbox.FetchAsync(batch, MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate, cancellationToken))
            .ToDictionary(s => s.UniqueId, s => s.InternalDate);
        foreach (var uid in batch)
        {
            MimeMessage mime;
            try
            {
                mime = await inbox.GetMessageAsync(uid, cancellationToken);
            }
            catch (Exception ex) when (ex is ParseException or FormatException)
            {
                await QuarantineAsync(channel, inbox.UidValidity, uid, null, "The message could not be parsed: " + ex.Message, cancellationToken);
                continue;
            }

            ParsedEmail parsed;
            try
            {
                parsed = parser.Parse(mime, address, $"<{inbox.UidValidity}.{uid.Id}.{channel.ChannelId:N}@sahut.invalid>", receivedAt.GetValueOrDefault(uid));
            }
            catch (Exception ex) when (ex is MalformedEmailException or ParseException or FormatException or ArgumentException)
            {
                await QuarantineAsync(channel, inbox.UidValidity, uid, mime, ex.Message, cancellationToken);
                continue;
            }

            if (parsed.Message is null)
            {
                logger.LogInformation("Skipped message {MessageId} on channel {ChannelId}: {Reason}", mime.MessageId, channel.ChannelId, parsed.SkipReason);
                continue;
            }

            var replyTo = await store.FindFirstKnownAsync(channel.ChannelId, parsed.Ancestors, cancellationToken) ?? parsed.Message.ReplyToProviderMessageId;
            accepted.Add((uid, mime, parsed.Message with { ReplyToProviderMessageId = replyTo }));
        }

        if (accepted.Count == 0)
        {
            return;
        }

        try
        {
            await sink.AcceptAsync(channel.ChannelId, accepted.Select(a => (InboundEvent)a.Message).ToList(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && accepted.Count > 1)
        {
            logger.LogWarning(ex, "Storing a batch of {Count} emails failed on channel {ChannelId}; storing one by one", accepted.Count, channel.ChannelId);
            accepted = await AcceptOneByOneAsync(channel, inbox.UidValidity, accepted, cancellationToken);
        }

        await store.RememberMessageIdsAsync(channel.ChannelId, accepted.Select(a => a.Message.ProviderMessageId).ToList(), cancellationToken);
    }

    /// <summary>
    /// When some messages of a batch store and others do not, the others are at fault and are quarantined. When none
    /// store, the inbox itself is failing: throw, so the receiver backs off and tries again from the checkpoint.
    /// </summary>
    private async Task<List<(UniqueId Uid, MimeMessage Mime, InboundMessage Message)>> AcceptOneByOneAsync(
        ChannelContext channel, uint uidValidity, List<(UniqueId Uid, MimeMessage Mime, InboundMessage Message)> batch, CancellationToken cancellationToken)
    {
        var stored = new List<(UniqueId, MimeMessage, InboundMessage)>();
        var failed = new List<((UniqueId Uid, MimeMessage Mime, InboundMessage Message) Item, Exception Error)>();
        foreach (var item in batch)
        {
            try
            {
                await sink.AcceptAsync(channel.ChannelId, [item.Message], cancellationToken);
                stored.Add(item);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed.Add((item, ex));
            }
        }

        if (stored.Count == 0)
        {
            throw failed[0].Error;
        }

        foreach (var (item, error) in failed)
        {
            await QuarantineAsync(channel, uidValidity, item.Uid, item.Mime, "The inbox could not store it: " + error.Message, cancellationToken);
        }

        return stored;
    }

    private async Task QuarantineAsync(ChannelContext channel, uint uidValidity, UniqueId uid, MimeMessage? mime, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Quarantined message UID {Uid} on channel {ChannelId}: {Reason}", uid.Id, channel.ChannelId, reason);
        await store.QuarantineAsync(
            new QuarantinedEmail(
                Guid.NewGuid(),
                channel.ChannelId,
                uidValidity,
                uid.Id,
                mime?.MessageId,
                mime?.From.ToString(),
                mime?.Subject,
                reason,
                time.GetUtcNow().UtcDateTime,
                mime is null ? null : Raw(mime)),
            cancellationToken);
    }

    private byte[] Raw(MimeMessage mime)
    {
        using var stream = new MemoryStream();
        mime.WriteTo(stream);
        return stream.Length <= options.QuarantineMaxBytes ? stream.ToArray() : stream.ToArray()[..options.QuarantineMaxBytes];
    }
}
