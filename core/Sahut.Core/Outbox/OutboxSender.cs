using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Events;
using Sahut.Inbox;
using Sahut.Work;

namespace Sahut.Outbox;

/// <summary>Sends one claimed outbox item and records the outcome: sent, retry later, or failed for good.</summary>
internal sealed class OutboxSender(
    SahutDbContext db,
    ChannelTypeRegistry types,
    ChannelSettingsProtector protector,
    DomainEventBus bus,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    public async Task<bool> TrySendAsync(Guid outboxId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await ReclaimInterruptedAsync(outboxId, now, cancellationToken))
        {
            return true;
        }

        var lockedUntil = now + options.Value.SendLease;
        // The conditional update is the claim: only one node (or loop) wins an item.
        var claimed = await db.Outbox
            .Where(o => o.Id == outboxId && o.State == OutboxState.Pending && o.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Sending).SetProperty(o => o.LockedUntil, lockedUntil).SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var item = await db.Outbox.FirstAsync(o => o.Id == outboxId, cancellationToken);
        var message = await db.Messages.Include(m => m.Attachments).FirstAsync(m => m.Id == item.MessageId, cancellationToken);
        var channel = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == item.ChannelId, cancellationToken);
        var channelType = types.Find(channel.Type);
        if (channelType is null || channel.State == ChannelState.Disconnected)
        {
            await RetryOrFailAsync(item, message, "channel-unavailable", $"Channel type '{channel.Type}' is not loaded or the channel is disconnected.", retryable: channelType is null, null, cancellationToken);
            return true;
        }

        try
        {
            var outbound = await BuildAsync(message, channelType.Capabilities.IdentityKind, cancellationToken);
            var result = await channelType.SendAsync(protector.ToContext(channel), outbound, cancellationToken);
            message.ProviderMessageId = result.ProviderMessageId;
            if (DeliveryStatusRules.MayMove(message.DeliveryStatus, DeliveryStatus.Sent))
            {
                message.DeliveryStatus = DeliveryStatus.Sent;
                message.StatusAt = time.GetUtcNow().UtcDateTime;
            }

            item.State = OutboxState.Done;
            item.LockedUntil = null;
            item.LastError = null;
            await db.SaveChangesAsync(CancellationToken.None);
            bus.Publish(new MessageStatusChanged(message.WorkspaceId, message.ConversationId, message.Id, "sent"));
        }
        catch (ChannelSendException ex)
        {
            logger.LogWarning("Send of message {MessageId} failed: {Code} {Reason} (retryable: {Retryable})", message.Id, ex.Code, ex.Reason, ex.Retryable);
            if (ex.ChannelNeedsReconnect)
            {
                await db.Channels.Where(c => c.Id == channel.Id && c.State == ChannelState.Active)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ChannelState.NeedsReconnect).SetProperty(c => c.StateReason, ex.Reason), CancellationToken.None);
            }

            await RetryOrFailAsync(item, message, ex.Code, ex.Reason, ex.Retryable, ex.RetryAfter, CancellationToken.None);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Network trouble, timeouts, or a plugin bug (e.g. unreadable settings): retried with backoff, and after
            // the last attempt the message is marked failed with the reason, never left hanging.
            logger.LogWarning(ex, "Send of message {MessageId} failed", message.Id);
            await RetryOrFailAsync(item, message, "send-error", ex.Message, retryable: true, null, CancellationToken.None);
        }

        return true;
    }

    /// <summary>
    /// An item still "sending" past its lease means a node stopped in the middle of the provider call: the provider
    /// may or may not have the message. Sending again could reach the customer twice, so the message is marked
    /// failed with that explanation and the agent decides.
    /// </summary>
    private async Task<bool> ReclaimInterruptedAsync(Guid outboxId, DateTime now, CancellationToken cancellationToken)
    {
        var interrupted = await db.Outbox
            .Where(o => o.Id == outboxId && o.State == OutboxState.Sending && o.LockedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.State, OutboxState.Failed).SetProperty(o => o.LockedUntil, (DateTime?)null).SetProperty(o => o.LastError, DeliveryUncertain), cancellationToken);
        if (interrupted == 0)
        {
            return false;
        }

        var item = await db.Outbox.AsNoTracking().FirstAsync(o => o.Id == outboxId, cancellationToken);
        var message = await db.Messages.FirstAsync(m => m.Id == item.MessageId, cancellationToken);
        logger.LogWarning("Send of message {MessageId} was interrupted mid-call; marked uncertain instead of resending", message.Id);
        if (message.DeliveryStatus == DeliveryStatus.Pending)
        {
            message.DeliveryStatus = DeliveryStatus.Failed;
            message.FailureCode = "delivery-uncertain";
            message.FailureReason = DeliveryUncertain;
            message.StatusAt = now;
            await db.SaveChangesAsync(cancellationToken);
            bus.Publish(new MessageStatusChanged(message.WorkspaceId, message.ConversationId, message.Id, "failed"));
        }

        return true;
    }

    private const string DeliveryUncertain = "Sahut stopped while handing this message to the provider; it may or may not have arrived. Check before sending it again.";

    private async Task<OutboundMessage> BuildAsync(Message message, string identityKind, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().FirstAsync(c => c.Id == message.ConversationId, cancellationToken);
        var to = await db.ContactIdentities.AsNoTracking()
            .Where(i => i.ContactId == conversation.ContactId && i.Kind == identityKind)
            .Select(i => i.Value)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ChannelSendException("no-recipient", "The contact has no identity this channel can reach.", retryable: false);
        var replyTo = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == message.ConversationId && m.Direction == MessageDirection.In && m.ProviderMessageId != null)
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => m.ProviderMessageId)
            .FirstOrDefaultAsync(cancellationToken);
        var template = message.Kind == Channels.MessageKinds.Template && message.Metadata is { } json
            ? System.Text.Json.JsonSerializer.Deserialize<OutboundTemplate>(json, System.Text.Json.JsonSerializerOptions.Web)
            : null;
        var properties = new Dictionary<string, string>();
        if (conversation.Subject is { } subject)
        {
            properties["subject"] = subject;
        }

        if (conversation.ThreadKey is { } threadKey)
        {
            properties["threadKey"] = threadKey;
        }

        return new OutboundMessage(
            message.Id,
            conversation.Id,
            to,
            template is null ? message.Body : null,
            template,
            replyTo,
            message.Attachments.Where(a => a.StoragePath is not null).Select(a => new OutboundAttachment(a.FileName, a.ContentType, a.StoragePath!)).ToList(),
            properties);
    }

    private async Task RetryOrFailAsync(OutboxItem item, Message message, string code, string reason, bool retryable, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        item.LockedUntil = null;
        item.LastError = $"{code}: {reason}";
        if (retryable && item.Attempts < options.Value.MaxAttempts)
        {
            var backoff = Backoff.After(item.Attempts, options.Value.FirstRetryDelay, options.Value.MaxRetryDelay);
            item.State = OutboxState.Pending;
            item.NextAttemptAt = now + (retryAfter is { } after && after > backoff ? after : backoff);
        }
        else
        {
            item.State = OutboxState.Failed;
            message.DeliveryStatus = DeliveryStatus.Failed;
            message.FailureCode = code;
            message.FailureReason = reason;
            message.StatusAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (item.State == OutboxState.Failed)
        {
            bus.Publish(new MessageStatusChanged(message.WorkspaceId, message.ConversationId, message.Id, "failed"));
        }
    }
}
