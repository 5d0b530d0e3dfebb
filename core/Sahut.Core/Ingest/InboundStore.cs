using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Events;
using Sahut.Inbox;

namespace Sahut.Ingest;

/// <summary>
/// Writes one group of inbound deliveries in one transaction: contacts, conversations, messages, statuses. The writer
/// keeps one store (its context, open connection and prepared commands) from batch to batch; each batch starts from
/// nothing the previous one knew.
/// </summary>
internal sealed class InboundStore(
    SahutDbContext db,
    ContactService contacts,
    ChannelTypeRegistry types,
    IOptions<SahutOptions> options,
    TimeProvider time,
    EarlyStatusBuffer early,
    SqliteWriteGate gate,
    ILogger<InboundStore> logger) : IAsyncDisposable
{
    private readonly InboundLookups lookups = new(db);
    private readonly RowWriter writer = new(db);
    private List<DomainEvent> events = [];
    private BatchRows rows = new();
    private SqliteWalSync? walSync;

    // Nothing is tracked by EF: every row read is kept here, one instance per row, and written back by BatchRows.
    // What the batch prefetch already looked up needs no query of its own: every identity of the batch is
    // prefetched, so a contact missing from contactsByIdentity is new.
    private readonly HashSet<(Guid ChannelId, Guid ContactId)> conversationsLoaded = [];
    private readonly HashSet<(Guid ChannelId, string ProviderMessageId)> messagesLoaded = [];

    // What the batch knows, indexed: per-message look-ups are dictionary hits instead of scans of the change tracker.
    private readonly Dictionary<(Guid WorkspaceId, string Kind, string Value), Contact> contactsByIdentity = [];
    private readonly Dictionary<(Guid ChannelId, Guid ContactId), Conversation> latestConversations = [];
    private readonly Dictionary<Guid, Conversation> conversationsById = [];
    // A channel's workspace and type never change, so each is read once per session. (Should a channel be deleted
    // meanwhile, messages for it fail their foreign keys and statuses for it find no message to change.)
    private readonly Dictionary<Guid, InboundChannel> channelsSeen = [];
    private readonly Dictionary<InboundMessage, (string Kind, string Value)> identities = new(ReferenceEqualityComparer.Instance);
    // Every message the batch has stored or loaded by provider id (statuses, quotes).
    private readonly Dictionary<(Guid ChannelId, string ProviderMessageId), Message> messagesByProviderId = [];

    public async Task<(InboundResult[] Results, List<DomainEvent> Events)> WriteAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken)
    {
        // One connection, open from batch to batch: EF would otherwise open (and set up) one per query.
        Forget();
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            walSync?.Dispose();
            walSync = SqliteWalSync.For(db.Database.GetDbConnection());
        }

        var channels = await ChannelsAsync(batch, cancellationToken);
        TakeSenderPhones(batch, channels);
        var known = await KnownProviderIdsAsync(batch, cancellationToken);

        // Per-message work is in memory; the database is asked a handful of set queries per batch.
        await PrefetchAsync(batch, channels, cancellationToken);

        using var turn = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var results = new InboundResult[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            if (!channels.TryGetValue(pending.ChannelId, out var channel))
            {
                throw new InvalidOperationException($"Channel {pending.ChannelId} does not exist.");
            }

            int stored = 0, duplicates = 0;
            foreach (var inbound in pending.Events)
            {
                var isNew = inbound switch
                {
                    InboundMessage message => known.Add((channel.Id, message.ProviderMessageId)) && await AddMessageAsync(channel, message, cancellationToken),
                    InboundStatus status => await ApplyStatusAsync(channel, status, cancellationToken),
                    _ => false,
                };
                if (isNew)
                {
                    stored++;
                }
                else
                {
                    duplicates++;
                }
            }

            results[i] = new InboundResult(stored, duplicates);
        }

        await rows.WriteAsync(writer, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        walSync?.Flush();
        return (results, events);
    }

    public async ValueTask DisposeAsync()
    {
        await lookups.DisposeAsync();
        await writer.DisposeAsync();
        walSync?.Dispose();
    }

    private async Task<Dictionary<Guid, InboundChannel>> ChannelsAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken)
    {
        var unseen = batch.Select(p => p.ChannelId).Where(id => !channelsSeen.ContainsKey(id)).Distinct().ToList();
        if (unseen.Count > 0)
        {
            foreach (var channel in await lookups.ChannelsAsync(unseen, cancellationToken))
            {
                channelsSeen[channel.Id] = channel;
            }
        }

        return channelsSeen;
    }

    private void Forget()
    {
        // Nothing is tracked on purpose; clearing anyway keeps one slip from growing with the session.
        db.ChangeTracker.Clear();
        events = [];
        rows = new();
        conversationsLoaded.Clear();
        messagesLoaded.Clear();
        contactsByIdentity.Clear();
        latestConversations.Clear();
        conversationsById.Clear();
        identities.Clear();
        messagesByProviderId.Clear();
    }

    private async Task PrefetchAsync(IReadOnlyList<PendingDelivery> batch, Dictionary<Guid, InboundChannel> channels, CancellationToken cancellationToken)
    {
        foreach (var group in batch.GroupBy(p => p.ChannelId))
        {
            if (!channels.TryGetValue(group.Key, out var channel))
            {
                continue;
            }

            var statusIds = group.SelectMany(p => p.Events).OfType<InboundStatus>().Select(e => e.ProviderMessageId).Distinct().ToList();
            if (statusIds.Count > 0)
            {
                foreach (var message in await db.Messages.AsNoTracking().Where(m => m.ChannelId == channel.Id && m.ProviderMessageId != null && statusIds.Contains(m.ProviderMessageId)).ToListAsync(cancellationToken))
                {
                    messagesByProviderId[(channel.Id, message.ProviderMessageId!)] = message;
                }

                messagesLoaded.UnionWith(statusIds.Select(id => (channel.Id, id)));
            }

            var named = group.SelectMany(p => p.Events).OfType<InboundMessage>().Select(m => IdentityOf(channel, m)).Distinct().ToList();
            foreach (var kind in named.Select(i => i.Kind).Distinct())
            {
                var values = named.Where(i => i.Kind == kind).Select(i => i.Value).ToList();
                // One instance per contact, however many of its identities the batch names.
                var loaded = new Dictionary<Guid, Contact>();
                foreach (var (value, found, conversation) in await lookups.ContactsByIdentityAsync(channel, kind, values, cancellationToken))
                {
                    contactsByIdentity[(channel.WorkspaceId, kind, value)] = loaded.TryAdd(found.Id, found) ? found : loaded[found.Id];
                    Remember(conversation);
                }

                conversationsLoaded.UnionWith(loaded.Keys.Select(id => (channel.Id, id)));
            }
        }
    }

    /// <summary>Conversations this batch has loaded or opened.</summary>
    private IEnumerable<Conversation> LocalConversations => conversationsById.Values;

    // Normalising a phone number (libphonenumber) is not cheap: each sender once, for both prefetch and write.
    private (string Kind, string Value) IdentityOf(InboundChannel channel, InboundMessage inbound)
    {
        if (identities.TryGetValue(inbound, out var known))
        {
            return known;
        }

        var kind = IdentityKindOf(channel, inbound);
        return identities[inbound] = (kind, contacts.NormalizeIdentity(kind, inbound.From) ?? inbound.From.Trim());
    }

    private string IdentityKindOf(InboundChannel channel, InboundMessage inbound) =>
        types.Find(channel.Type)?.Capabilities.IdentityKind
        ?? (inbound.From.Contains('@', StringComparison.Ordinal) ? IdentityKinds.Email : IdentityKinds.Phone);

    /// <summary>Phone identities the requests worked out already, for the channels whose contacts are known by phone.</summary>
    private void TakeSenderPhones(IReadOnlyList<PendingDelivery> batch, Dictionary<Guid, InboundChannel> channels)
    {
        foreach (var pending in batch)
        {
            if (!channels.TryGetValue(pending.ChannelId, out var channel))
            {
                continue;
            }

            for (var i = 0; i < pending.Events.Count; i++)
            {
                if (pending.Phones[i] is { } phone && pending.Events[i] is InboundMessage message && IdentityKindOf(channel, message) == IdentityKinds.Phone)
                {
                    identities[message] = (IdentityKinds.Phone, phone);
                }
            }
        }
    }

    private async Task<HashSet<(Guid, string)>> KnownProviderIdsAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken)
    {
        var known = new HashSet<(Guid, string)>();
        foreach (var group in batch.GroupBy(p => p.ChannelId))
        {
            var ids = group.SelectMany(p => p.Events).OfType<InboundMessage>().Select(m => m.ProviderMessageId).Distinct().ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            known.UnionWith((await lookups.StoredProviderIdsAsync(group.Key, ids, cancellationToken)).Select(id => (group.Key, id)));
        }

        return known;
    }

    private async Task<bool> AddMessageAsync(InboundChannel channel, InboundMessage inbound, CancellationToken cancellationToken)
    {
        var (kind, identity) = IdentityOf(channel, inbound);
        var contact = FindOrAddContact((channel.WorkspaceId, kind, identity), inbound.FromName);
        var at = inbound.Timestamp == default ? time.UtcNow() : inbound.Timestamp.ToUniversalTime();
        var conversation = await FindOrOpenConversationAsync(channel, contact, inbound, at, cancellationToken);

        var message = new Message
        {
            WorkspaceId = channel.WorkspaceId,
            ConversationId = conversation.Id,
            ChannelId = channel.Id,
            Direction = MessageDirection.In,
            Kind = inbound.Kind,
            Body = inbound.Body,
            Metadata = inbound.Metadata,
            ProviderMessageId = inbound.ProviderMessageId,
            DeliveryStatus = DeliveryStatus.Delivered,
            CreatedAt = at,
            StatusAt = at,
        };
        // Only threaded channels (email) route by the quoted message; on chat channels a quote links, it does not move.
        if (inbound.ThreadKey is not null && inbound.ReplyToProviderMessageId is { } quoted)
        {
            message.ReplyToMessageId = await FindMessageIdAsync(channel.Id, quoted, cancellationToken);
        }

        foreach (var file in inbound.Attachments)
        {
            message.Attachments.Add(await StoreAttachmentAsync(channel.WorkspaceId, message.Id, file, cancellationToken));
        }

        rows.Add(message);
        messagesByProviderId[(channel.Id, inbound.ProviderMessageId)] = message;
        rows.Changed(conversation);
        conversation.MessagesIn++;
        conversation.LastInboundAt = conversation.LastInboundAt is { } last && last > at ? last : at;
        if (at >= conversation.LastMessageAt)
        {
            conversation.LastMessageAt = at;
            conversation.LastMessagePreview = MessagePreview.Of(inbound.Kind, inbound.Body);
        }

        events.Add(new MessageReceived(channel.WorkspaceId, conversation.Id, message.Id));
        return true;
    }

    private Contact FindOrAddContact((Guid WorkspaceId, string Kind, string Value) identity, string? name)
    {
        if (contactsByIdentity.TryGetValue(identity, out var contact))
        {
            var before = contact.Name;
            ContactService.FillMissingName(contact, name);
            if (!string.Equals(before, contact.Name, StringComparison.Ordinal))
            {
                rows.Renamed(contact);
            }

            return contact;
        }

        // Prefetched and not found: the contact is new, nothing else to look at.
        contact = contacts.New(identity.WorkspaceId, identity.Kind, identity.Value, name);
        rows.Add(contact);
        contactsByIdentity[identity] = contact;
        return contact;
    }

    private async Task<Conversation?> FindLatestConversationAsync(Guid channelId, Contact contact, CancellationToken cancellationToken)
    {
        if (latestConversations.TryGetValue((channelId, contact.Id), out var known))
        {
            return known;
        }

        if (conversationsLoaded.Contains((channelId, contact.Id)) || rows.IsNew(contact))
        {
            return null;
        }

        return Remember(await db.Conversations.AsNoTracking().Where(c => c.ChannelId == channelId && c.ContactId == contact.Id).OrderByDescending(c => c.LastMessageAt).FirstOrDefaultAsync(cancellationToken));
    }

    /// <summary>The batch's one instance of this row (the one it may already have changed), remembered if new.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(conversation))]
    private Conversation? Remember(Conversation? conversation)
    {
        if (conversation is null)
        {
            return null;
        }

        if (conversationsById.TryGetValue(conversation.Id, out var known))
        {
            return known;
        }

        conversationsById[conversation.Id] = conversation;
        var key = (conversation.ChannelId, conversation.ContactId);
        if (!latestConversations.TryGetValue(key, out var current) || conversation.LastMessageAt >= current.LastMessageAt)
        {
            latestConversations[key] = conversation;
        }

        return conversation;
    }

    private async Task<Conversation> FindOrOpenConversationAsync(InboundChannel channel, Contact contact, InboundMessage inbound, DateTime at, CancellationToken cancellationToken)
    {
        var conversation = await FindThreadAsync(channel.Id, inbound, cancellationToken)
            ?? (inbound.ThreadKey is null ? await FindLatestConversationAsync(channel.Id, contact, cancellationToken) : null);

        if (conversation is null)
        {
            conversation = new Conversation
            {
                WorkspaceId = channel.WorkspaceId,
                ChannelId = channel.Id,
                ContactId = contact.Id,
                Status = ConversationStatus.Open,
                Subject = inbound.Subject,
                ThreadKey = inbound.ThreadKey,
                CreatedAt = at,
                LastMessageAt = at,
            };
            rows.Add(conversation);
            conversationsById[conversation.Id] = conversation;
            latestConversations[(channel.Id, contact.Id)] = conversation;
            events.Add(new ConversationOpened(channel.WorkspaceId, conversation.Id, Reopened: false));
        }
        else if (conversation.Status == ConversationStatus.Resolved)
        {
            rows.Reopened(conversation);
            conversation.Status = ConversationStatus.Open;
            conversation.ResolvedAt = null;
            events.Add(new ConversationOpened(channel.WorkspaceId, conversation.Id, Reopened: true));
            events.Add(new ConversationStatusChanged(channel.WorkspaceId, conversation.Id, "open"));
        }

        return conversation;
    }

    private async Task<Conversation?> FindThreadAsync(Guid channelId, InboundMessage inbound, CancellationToken cancellationToken)
    {
        if (inbound.ConversationHint is { } hinted)
        {
            var byHint = LocalConversations.FirstOrDefault(c => c.Id == hinted && c.ChannelId == channelId)
                ?? Remember(await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == hinted && c.ChannelId == channelId, cancellationToken));
            if (byHint is not null)
            {
                return byHint;
            }
        }

        // Only threaded channels (email) route by the quoted message; on chat channels a quote links, it does not move.
        if (inbound.ThreadKey is not null && inbound.ReplyToProviderMessageId is { } quoted)
        {
            var quotedConversation = messagesByProviderId.GetValueOrDefault((channelId, quoted))?.ConversationId
                ?? await db.Messages.Where(m => m.ChannelId == channelId && m.ProviderMessageId == quoted).Select(m => (Guid?)m.ConversationId).FirstOrDefaultAsync(cancellationToken);
            if (quotedConversation is { } id)
            {
                return conversationsById.GetValueOrDefault(id) ?? Remember(await db.Conversations.AsNoTracking().FirstAsync(c => c.Id == id, cancellationToken));
            }
        }

        return inbound.ThreadKey is { } threadKey
            ? LocalConversations.Where(c => c.ChannelId == channelId && c.ThreadKey == threadKey).MaxBy(c => c.LastMessageAt)
              ?? Remember(await db.Conversations.AsNoTracking().Where(c => c.ChannelId == channelId && c.ThreadKey == threadKey).OrderByDescending(c => c.LastMessageAt).FirstOrDefaultAsync(cancellationToken))
            : null;
    }

    private async Task<bool> ApplyStatusAsync(InboundChannel channel, InboundStatus status, CancellationToken cancellationToken)
    {
        var message = messagesByProviderId.GetValueOrDefault((channel.Id, status.ProviderMessageId))
            ?? (messagesLoaded.Contains((channel.Id, status.ProviderMessageId))
                ? null
                : await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ChannelId == channel.Id && m.ProviderMessageId == status.ProviderMessageId, cancellationToken));
        if (message is null)
        {
            logger.LogInformation("Status {Status} for unknown message {ProviderMessageId} on channel {ChannelId}; held in case our send is still returning", status.Status, status.ProviderMessageId, channel.Id);
            early.Hold(channel.Id, status);
            return false;
        }

        messagesByProviderId[(channel.Id, status.ProviderMessageId)] = message;

        if (!DeliveryStatusRules.MayMove(message.DeliveryStatus, status.Status))
        {
            return false;
        }

        rows.Changed(message);
        message.DeliveryStatus = status.Status;
        message.StatusAt = status.Timestamp == default ? time.UtcNow() : status.Timestamp.ToUniversalTime();
        if (status.Status == DeliveryStatus.Failed)
        {
            message.FailureCode = status.ErrorCode;
            message.FailureReason = status.ErrorReason;
        }

        events.Add(new MessageStatusChanged(channel.WorkspaceId, message.ConversationId, message.Id, status.Status.ToString().ToLowerInvariant()));
        return true;
    }

    private async Task<Guid?> FindMessageIdAsync(Guid channelId, string providerMessageId, CancellationToken cancellationToken) =>
        messagesByProviderId.GetValueOrDefault((channelId, providerMessageId))?.Id
        ?? await db.Messages.Where(m => m.ChannelId == channelId && m.ProviderMessageId == providerMessageId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<Attachment> StoreAttachmentAsync(Guid workspaceId, Guid messageId, InboundAttachment file, CancellationToken cancellationToken)
    {
        var attachment = new Attachment
        {
            WorkspaceId = workspaceId,
            MessageId = messageId,
            FileName = Path.GetFileName(file.FileName) is { Length: > 0 } name ? name : "attachment",
            ContentType = file.ContentType,
            ProviderMediaId = file.ProviderMediaId,
        };
        if (file.Content is { } content)
        {
            attachment.StoragePath = await AttachmentFiles.WriteAsync(options.Value.ResolveDataDir(), workspaceId, attachment.Id, content, cancellationToken);
            attachment.Size = content.Length;
        }

        return attachment;
    }
}
