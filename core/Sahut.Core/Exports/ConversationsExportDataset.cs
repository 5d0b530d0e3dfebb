using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Sahut.Channels;
using Sahut.Data;

namespace Sahut.Exports;

/// <summary>
/// One row per conversation (DESIGN §4 conversations.csv), streamed straight from the database. The query is plain
/// SQL read with a data reader: an export is usually the first time a process runs it, and translating and
/// materialising it through LINQ cost as much as reading 100k rows (issue #9, export within 2× the sqlite3 CLI).
/// Parameters still go through EF's type mappings, so each provider stores and compares values its own way.
/// </summary>
internal sealed class ConversationsExportDataset(SahutDbContext db) : IExportDataset
{
    public const string DatasetKey = "conversations";

    private static readonly string[] ColumnNames =
    [
        "conversation_id", "channel", "channel_type", "contact_name", "contact_identifier", "status", "assignee",
        "created_at", "first_response_at", "resolved_at", "messages_in", "messages_out", "notes", "last_message_at",
    ];

    // The identifier of the channel's own kind (an email channel's contact by address, others by phone) is an indexed
    // lookup; the first identity of any kind is the fallback.
    private const string RowsSelect = """
        SELECT c."Id", ch."Name", ch."Type", ct."Name",
               COALESCE(
                   (SELECT i."Value" FROM "ContactIdentities" AS i
                    WHERE i."ContactId" = c."ContactId" AND i."Kind" = CASE WHEN ch."Type" = @email THEN @email ELSE @phone END LIMIT 1),
                   (SELECT i."Value" FROM "ContactIdentities" AS i WHERE i."ContactId" = c."ContactId" ORDER BY i."Kind" LIMIT 1)),
               c."Status", COALESCE(u."Email", u."DisplayName"),
               c."CreatedAt", c."FirstResponseAt", c."ResolvedAt", c."MessagesIn", c."MessagesOut", c."NotesCount", c."LastMessageAt"
        FROM "Conversations" AS c
        JOIN "Channels" AS ch ON ch."Id" = c."ChannelId"
        JOIN "Contacts" AS ct ON ct."Id" = c."ContactId"
        LEFT JOIN "AspNetUsers" AS u ON u."Id" = c."AssigneeId"
        """;

    private const string CountSelect = """SELECT COUNT(*) FROM "Conversations" AS c""";

    public string Key => DatasetKey;

    public IReadOnlyList<string> Columns => ColumnNames;

    public async Task<long> CountRowsAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var clock = await db.ClockAsync(request.WorkspaceId, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(CountSelect, request, clock, ordered: false);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<string?>> ReadRowsAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var clock = await db.ClockAsync(request.WorkspaceId, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(RowsSelect, request, clock, ordered: true);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return
                [
                    reader.GetGuid(0).ToString(),
                    reader.GetString(1),
                    reader.GetString(2),
                    Text(reader, 3),
                    Text(reader, 4),
                    StatusName(reader.GetString(5)),
                    Text(reader, 6),
                    clock.Format(reader.GetDateTime(7)),
                    clock.Format(Time(reader, 8)),
                    clock.Format(Time(reader, 9)),
                    reader.GetInt32(10).ToString(CultureInfo.InvariantCulture),
                    reader.GetInt32(11).ToString(CultureInfo.InvariantCulture),
                    reader.GetInt32(12).ToString(CultureInfo.InvariantCulture),
                    clock.Format(reader.GetDateTime(13)),
                ];
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private DbCommand Command(string select, ExportRequest request, WorkspaceExportClock clock, bool ordered)
    {
        var command = db.Database.CreateCommand(string.Empty);
        var where = new List<string>();
        void Filter(string condition, string name, object value)
        {
            where.Add(condition);
            Add(command, name, value);
        }

        Filter("""c."WorkspaceId" = @workspace""", "@workspace", request.WorkspaceId);
        if (clock.StartOf(request.From) is { } start)
        {
            Filter("""c."CreatedAt" >= @start""", "@start", start);
        }

        if (clock.EndOf(request.To) is { } end)
        {
            Filter("""c."CreatedAt" < @end""", "@end", end);
        }

        if (request.ChannelId is { } channelId)
        {
            Filter("""c."ChannelId" = @channel""", "@channel", channelId);
        }

        if (request.AgentId is { } agentId)
        {
            Filter("""c."AssigneeId" = @agent""", "@agent", agentId);
        }

        if (ordered)
        {
            Add(command, "@email", IdentityKinds.Email);
            Add(command, "@phone", IdentityKinds.Phone);
        }

        command.CommandText = select + "\nWHERE " + string.Join(" AND ", where) + (ordered ? "\nORDER BY c.\"CreatedAt\", c.\"Id\"" : "");
        return command;
    }

    /// <summary>Binds a value the way EF stores it for this provider (e.g. SQLite GUIDs as upper-case text).</summary>
    private void Add(DbCommand command, string name, object value)
    {
        var mapping = db.GetService<IRelationalTypeMappingSource>().FindMapping(value.GetType())
            ?? throw new InvalidOperationException($"No type mapping for {value.GetType()}.");
        command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable: false));
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTime? Time(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDateTime(ordinal);

    private static string StatusName(string stored) => stored switch
    {
        "Open" => "open",
        "Pending" => "pending",
        "Resolved" => "resolved",
        _ => stored.ToLowerInvariant(),
    };
}
