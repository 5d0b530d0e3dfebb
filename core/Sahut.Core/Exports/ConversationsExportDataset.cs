using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Exports;

/// <summary>One row per conversation (DESIGN §4 conversations.csv), streamed straight from the database.</summary>
internal sealed class ConversationsExportDataset(SahutDbContext db) : IExportDataset
{
    public const string DatasetKey = "conversations";

    private static readonly string[] ColumnNames =
    [
        "conversation_id", "channel", "channel_type", "contact_name", "contact_identifier", "status", "assignee",
        "created_at", "first_response_at", "resolved_at", "messages_in", "messages_out", "notes", "last_message_at",
    ];

    public string Key => DatasetKey;

    public IReadOnlyList<string> Columns => ColumnNames;

    public async Task<long> CountRowsAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var clock = await db.ClockAsync(request.WorkspaceId, cancellationToken);
        return await Filter(request, clock).LongCountAsync(cancellationToken);
    }

    public async IAsyncEnumerable<IReadOnlyList<string?>> ReadRowsAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var clock = await db.ClockAsync(request.WorkspaceId, cancellationToken);
        // Shaped for one pass in index order: the identifier of the channel's kind is an indexed lookup (the general
        // fallback runs only when that kind is missing) and the assignee a left join, not per-row sorts and subqueries.
        var rows = (
                from c in Filter(request, clock)
                join u in db.Users on c.AssigneeId equals (Guid?)u.Id into assignees
                from u in assignees.DefaultIfEmpty()
                orderby c.CreatedAt, c.Id
                select new
                {
                    c.Id,
                    Channel = c.Channel!.Name,
                    ChannelType = c.Channel.Type,
                    ContactName = c.Contact!.Name,
                    ContactIdentifier = c.Contact.Identities
                            .Where(i => i.Kind == (c.Channel.Type == IdentityKinds.Email ? IdentityKinds.Email : IdentityKinds.Phone))
                            .Select(i => i.Value)
                            .FirstOrDefault()
                        ?? c.Contact.Identities.OrderBy(i => i.Kind).Select(i => i.Value).FirstOrDefault(),
                    c.Status,
                    Assignee = u == null ? null : u.Email ?? u.DisplayName,
                    c.CreatedAt,
                    c.FirstResponseAt,
                    c.ResolvedAt,
                    c.MessagesIn,
                    c.MessagesOut,
                    c.NotesCount,
                    c.LastMessageAt,
                })
            .AsAsyncEnumerable();

        await foreach (var c in rows.WithCancellation(cancellationToken))
        {
            yield return
            [
                c.Id.ToString(),
                c.Channel,
                c.ChannelType,
                c.ContactName,
                c.ContactIdentifier,
                StatusName(c.Status),
                c.Assignee,
                clock.Format(c.CreatedAt),
                clock.Format(c.FirstResponseAt),
                clock.Format(c.ResolvedAt),
                c.MessagesIn.ToString(CultureInfo.InvariantCulture),
                c.MessagesOut.ToString(CultureInfo.InvariantCulture),
                c.NotesCount.ToString(CultureInfo.InvariantCulture),
                clock.Format(c.LastMessageAt),
            ];
        }
    }

    private IQueryable<Conversation> Filter(ExportRequest request, WorkspaceExportClock clock)
    {
        var query = db.Conversations.AsNoTracking().Where(c => c.WorkspaceId == request.WorkspaceId);
        if (clock.StartOf(request.From) is { } start)
        {
            query = query.Where(c => c.CreatedAt >= start);
        }

        if (clock.EndOf(request.To) is { } end)
        {
            query = query.Where(c => c.CreatedAt < end);
        }

        if (request.ChannelId is { } channelId)
        {
            query = query.Where(c => c.ChannelId == channelId);
        }

        if (request.AgentId is { } agentId)
        {
            query = query.Where(c => c.AssigneeId == agentId);
        }

        return query;
    }

    private static string StatusName(ConversationStatus status) => status switch
    {
        ConversationStatus.Open => "open",
        ConversationStatus.Pending => "pending",
        ConversationStatus.Resolved => "resolved",
        _ => status.ToString().ToLowerInvariant(),
    };
}
