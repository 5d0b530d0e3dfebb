using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Events;
using Sahut.Outbox;
using Sahut.Team;

namespace Sahut.Inbox;

/// <summary>Write side of the inbox: replies, notes, assignment, status, and the Messages API.</summary>
public sealed class ConversationCommands(
    SahutDbContext db,
    ChannelTypeRegistry types,
    ContactService contacts,
    ChannelSettingsProtector protector,
    IEnumerable<IReplyGuard> guards,
    MentionResolver mentions,
    DomainEventBus bus,
    OutboxSignal outbox,
    TimeProvider time)
{
    /// <summary>Queues a reply for sending. The outbox hands it to the channel after this returns.</summary>
    public async Task<Message> ReplyAsync(Guid workspaceId, Guid conversationId, Guid? authorId, ReplyContent content, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(workspaceId, conversationId, cancellationToken);
        foreach (var guard in guards)
        {
            await guard.EnsureMayReplyAsync(workspaceId, conversationId, authorId, cancellationToken);
        }

        Message message;
        try
        {
            message = await QueueAsync(conversation, authorId, content, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            // Sent or refused (e.g. the reply window), the reply lease the guard took is let go.
            await ReplySentAsync(workspaceId, conversationId, authorId, CancellationToken.None);
        }

        outbox.Notify();
        bus.Publish(new MessageSent(workspaceId, conversationId, message.Id));
        return message;
    }

    /// <summary>Messages API: reply in the contact's latest conversation on the channel, or start one.</summary>
    public async Task<(Conversation Conversation, Message Message)> SendToAsync(
        Guid workspaceId, Guid channelId, string to, Guid? authorId, ReplyContent content, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId && c.State != ChannelState.Disconnected, cancellationToken)
            ?? throw new NotFoundException("Channel");
        var kind = types.Find(channel.Type)?.Capabilities.IdentityKind ?? IdentityKinds.Phone;
        var identity = contacts.NormalizeIdentity(kind, to)
            ?? throw InputValidationException.For("to", kind == IdentityKinds.Phone ? $"'{to}' is not a valid phone number." : $"'{to}' is not a valid email address.");
        var contact = await contacts.FindOrAddAsync(workspaceId, kind, identity, null, cancellationToken);
        var conversation = await db.Conversations
            .Where(c => c.ChannelId == channelId && c.ContactId == contact.Id && c.Status != ConversationStatus.Resolved)
            .OrderByDescending(c => c.LastMessageAt)
            .FirstOrDefaultAsync(cancellationToken);
        var opened = conversation is null;
        if (conversation is null)
        {
            conversation = new Conversation
            {
                WorkspaceId = workspaceId,
                ChannelId = channelId,
                ContactId = contact.Id,
                Status = ConversationStatus.Open,
                AssigneeId = authorId,
                CreatedAt = time.UtcNow(),
                LastMessageAt = time.UtcNow(),
            };
            db.Conversations.Add(conversation);
        }
        else
        {
            foreach (var guard in guards)
            {
                await guard.EnsureMayReplyAsync(workspaceId, conversation.Id, authorId, cancellationToken);
            }
        }

        var message = await QueueAsync(conversation, authorId, content, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
        await ReplySentAsync(workspaceId, conversation.Id, authorId, cancellationToken);
        if (opened)
        {
            bus.Publish(new ConversationOpened(workspaceId, conversation.Id, Reopened: false));
        }

        bus.Publish(new MessageSent(workspaceId, conversation.Id, message.Id));
        return (conversation, message);
    }

    /// <summary>Adds an internal note; members it @mentions get an in-app notification.</summary>
    public async Task<Note> AddNoteAsync(Guid workspaceId, Guid conversationId, Guid authorId, string body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw InputValidationException.For("content", "A note cannot be empty.");
        }

        var conversation = await FindAsync(workspaceId, conversationId, cancellationToken);
        var mentioned = (await mentions.ResolveAsync(workspaceId, body, cancellationToken)).Where(id => id != authorId).ToList();
        var note = new Note
        {
            WorkspaceId = workspaceId,
            ConversationId = conversationId,
            AuthorId = authorId,
            Body = body.Trim(),
            Mentions = mentioned.Count == 0 ? null : string.Join(',', mentioned),
            CreatedAt = time.UtcNow(),
        };
        db.Notes.Add(note);
        conversation.NotesCount++;
        var notifications = mentioned.Select(userId => new Notification
        {
            WorkspaceId = workspaceId,
            UserId = userId,
            Kind = "mention",
            Text = MessagePreview.Of("note", note.Body),
            Link = $"/w/{workspaceId}/inbox/{conversationId}",
            CreatedAt = note.CreatedAt,
        }).ToList();
        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync(cancellationToken);
        bus.Publish(new NoteAdded(workspaceId, conversationId, note.Id));
        bus.PublishAll(notifications.Select(n => new UserMentioned(workspaceId, conversationId, note.Id, n.UserId, n.Id)));
        return note;
    }

    public async Task AssignAsync(Guid workspaceId, Guid conversationId, Guid? assigneeId, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(workspaceId, conversationId, cancellationToken);
        if (assigneeId is { } userId && !await db.Memberships.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken))
        {
            throw InputValidationException.For("assigneeId", "The assignee is not a member of this workspace.");
        }

        if (conversation.AssigneeId == assigneeId)
        {
            return;
        }

        conversation.AssigneeId = assigneeId;
        await db.SaveChangesAsync(cancellationToken);
        bus.Publish(new ConversationAssigned(workspaceId, conversationId, assigneeId));
    }

    public async Task SetStatusAsync(Guid workspaceId, Guid conversationId, ConversationStatus status, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(workspaceId, conversationId, cancellationToken);
        if (conversation.Status == status)
        {
            return;
        }

        var reopened = conversation.Status == ConversationStatus.Resolved;
        conversation.Status = status;
        conversation.ResolvedAt = status == ConversationStatus.Resolved ? time.UtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        bus.Publish(new ConversationStatusChanged(workspaceId, conversationId, status.ToString().ToLowerInvariant()));
        if (reopened)
        {
            bus.Publish(new ConversationOpened(workspaceId, conversationId, Reopened: true));
        }
    }

    private async Task ReplySentAsync(Guid workspaceId, Guid conversationId, Guid? authorId, CancellationToken cancellationToken)
    {
        foreach (var guard in guards)
        {
            await guard.ReplySentAsync(workspaceId, conversationId, authorId, cancellationToken);
        }
    }

    private async Task<Conversation> FindAsync(Guid workspaceId, Guid conversationId, CancellationToken cancellationToken) =>
        await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId && c.WorkspaceId == workspaceId, cancellationToken)
        ?? throw new NotFoundException("Conversation");

    private async Task<Message> QueueAsync(Conversation conversation, Guid? authorId, ReplyContent content, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == conversation.ChannelId, cancellationToken);
        if (channel.State == ChannelState.Disconnected)
        {
            throw new RuleViolationException("channel-disconnected", "This conversation's channel is disconnected; replies cannot be sent.");
        }

        var channelType = types.Find(channel.Type);
        var capabilities = channelType?.Capabilities
            ?? throw new RuleViolationException("channel-unavailable", $"The '{channel.Type}' channel plugin is not loaded; replies cannot be sent.");
        var now = time.UtcNow();
        if (content.Template is { } template)
        {
            if (!capabilities.Templates)
            {
                throw new RuleViolationException("templates-not-supported", "This channel does not support templates.");
            }

            if (string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Language))
            {
                throw InputValidationException.For("template", "A template needs a name and a language.");
            }

            if (channelType is IChannelTemplateValidator validator
                && await validator.ValidateTemplateAsync(protector.ToContext(channel), template, cancellationToken) is { Count: > 0 } problems)
            {
                throw new RuleViolationException("template-invalid", string.Join(" ", problems));
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(content.Text))
            {
                throw InputValidationException.For("content", "A reply cannot be empty.");
            }

            if (capabilities.ReplyWindow is { } window && (conversation.LastInboundAt is not { } lastInbound || now - lastInbound > window))
            {
                throw new RuleViolationException(
                    "reply-window",
                    $"A free-form reply is only allowed within {window.TotalHours:0} hours of the customer's last message. Send an approved template instead.");
            }
        }

        var message = new Message
        {
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            ChannelId = conversation.ChannelId,
            Direction = MessageDirection.Out,
            Kind = content.IsTemplate ? MessageKinds.Template : MessageKinds.Text,
            Body = content.IsTemplate ? TemplateText(content.Template!) : content.Text!.Trim(),
            Metadata = content.IsTemplate ? JsonSerializer.Serialize(content.Template, JsonSerializerOptions.Web) : null,
            AuthorId = authorId,
            DeliveryStatus = DeliveryStatus.Pending,
            CreatedAt = now,
            StatusAt = now,
        };
        db.Messages.Add(message);
        db.Outbox.Add(new OutboxItem { WorkspaceId = conversation.WorkspaceId, MessageId = message.Id, ChannelId = conversation.ChannelId, NextAttemptAt = now, CreatedAt = now });
        conversation.MessagesOut++;
        conversation.LastMessageAt = now;
        conversation.LastMessagePreview = MessagePreview.Of(message.Kind, message.Body);
        conversation.FirstResponseAt ??= now;
        return message;
    }

    private static string TemplateText(OutboundTemplate template) =>
        template.Parameters.Count == 0 ? template.Name : $"{template.Name} ({string.Join(", ", template.Parameters.Select(p => p.Value))})";
}
