using Sahut.Channels;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Errors;

namespace Sahut.Inbox;

/// <summary>Read side of the inbox: the list and one conversation's timeline, always within one workspace.</summary>
public sealed class ConversationQueries(SahutDbContext db, ContactSearch search)
{
    private static readonly Expression<Func<Conversation, ConversationSummary>> ToSummary = c => new ConversationSummary(
        c.Id,
        c.ChannelId,
        c.Channel!.Name,
        c.Channel.Type,
        c.ContactId,
        c.Contact!.Name,
        c.Contact.Identities.OrderBy(i => i.Kind).Select(i => i.Value).FirstOrDefault(),
        c.Status,
        c.AssigneeId,
        c.Subject,
        c.LastMessagePreview,
        c.CreatedAt,
        c.LastMessageAt,
        c.LastInboundAt,
        c.MessagesIn,
        c.MessagesOut);

    public async Task<ConversationPage> ListAsync(Guid workspaceId, Guid? currentUserId, ConversationFilter filter, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, filter.Page);
        var matches = string.IsNullOrWhiteSpace(filter.Query) ? null : await search.MatchingAsync(workspaceId, filter.Query, cancellationToken);
        var query = (matches?.Conversations(db) ?? db.Conversations).AsNoTracking().Where(c => c.WorkspaceId == workspaceId);
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        switch (filter.Assignee)
        {
            case null or "" or "all":
                break;
            case "me":
                query = query.Where(c => c.AssigneeId == currentUserId);
                break;
            case "unassigned":
                query = query.Where(c => c.AssigneeId == null);
                break;
            default:
                if (!Guid.TryParse(filter.Assignee, out var assigneeId))
                {
                    throw InputValidationException.For("assignee", "Use me, unassigned or a user id.");
                }

                query = query.Where(c => c.AssigneeId == assigneeId);
                break;
        }

        if (filter.ChannelId is { } channelId)
        {
            query = query.Where(c => c.ChannelId == channelId);
        }

        if (filter.LabelId is { } labelId)
        {
            query = query.Where(c => db.ConversationLabels.Any(cl => cl.ConversationId == c.Id && cl.LabelId == labelId));
        }

        var skip = (page - 1) * ConversationFilter.PageSize;
        // One assignee's conversations have their own index; a few contacts' conversations are few to sort.
        var oneAssignee = filter.Assignee is not (null or "" or "all" or "unassigned");
        if (filter.Status is null && !oneAssignee && matches is not { AreFew: true })
        {
            query = NewestOfEachStatus(query, skip + ConversationFilter.PageSize + 1);
        }

        var rows = await NewestFirst(query)
            .Skip(skip)
            .Take(ConversationFilter.PageSize + 1)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > ConversationFilter.PageSize;
        return new ConversationPage(rows.Take(ConversationFilter.PageSize).ToList(), page, ConversationFilter.PageSize, hasMore);
    }

    private static IOrderedQueryable<Conversation> NewestFirst(IQueryable<Conversation> query) =>
        query.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id);

    /// <summary>
    /// The newest <paramref name="rows"/> of each status, for the caller to merge. The inbox keeps its activity order
    /// only in the per-status index (one index holding LastMessageAt fewer for every inbound message to rewrite):
    /// one bounded walk per status reads no more than the page needs, where sorting the whole inbox would read it all.
    /// </summary>
    private static IQueryable<Conversation> NewestOfEachStatus(IQueryable<Conversation> query, int rows) =>
        Enum.GetValues<ConversationStatus>()
            .Select(status => NewestFirst(query.Where(c => c.Status == status)).Take(rows))
            .Aggregate(Queryable.Concat);

    public async Task<ConversationSummary> GetAsync(Guid workspaceId, Guid conversationId, CancellationToken cancellationToken) =>
        await db.Conversations.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.Id == conversationId)
            .Select(ToSummary)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Conversation");

    /// <summary>A contact's most recent conversations, newest first.</summary>
    public Task<List<ConversationSummary>> ListForContactAsync(Guid workspaceId, Guid contactId, int take, CancellationToken cancellationToken) =>
        NewestFirst(db.Conversations.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && c.ContactId == contactId))
            .Take(take)
            .Select(ToSummary)
            .ToListAsync(cancellationToken);

    /// <summary>Messages and notes in the order they happened.</summary>
    public async Task<IReadOnlyList<TimelineItem>> TimelineAsync(Guid workspaceId, Guid conversationId, CancellationToken cancellationToken)
    {
        var exists = await db.Conversations.AnyAsync(c => c.WorkspaceId == workspaceId && c.Id == conversationId, cancellationToken);
        if (!exists)
        {
            throw new NotFoundException("Conversation");
        }

        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.WorkspaceId == workspaceId)
            .Include(m => m.Attachments)
            .ToListAsync(cancellationToken);
        var notes = await db.Notes.AsNoTracking()
            .Where(n => n.ConversationId == conversationId && n.WorkspaceId == workspaceId)
            .ToListAsync(cancellationToken);
        return messages.Select(m => new TimelineItem(
                "message", m.Id, m.CreatedAt, m.Direction.ToString().ToLowerInvariant(), m.Kind, m.Body,
                m.Direction == MessageDirection.Out ? m.DeliveryStatus.ToString().ToLowerInvariant() : null,
                m.FailureCode, m.FailureReason, m.AuthorId, m.Metadata,
                m.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.StoragePath is not null)).ToList(),
                m.ReplyToMessageId))
            .Concat(notes.Select(n => new TimelineItem("note", n.Id, n.CreatedAt, null, null, n.Body, null, null, null, n.AuthorId, null, [])))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToList();
    }
}
