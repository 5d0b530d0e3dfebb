using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Ingest;

/// <summary>
/// The writer's per-batch look-ups, written by hand: each runs once per batch for every message in it, and EF's
/// query pipeline (parameter extraction, command building, materialising, tracking) cost more than the queries.
/// Rows come back untracked and hold only the columns the writer reads or changes.
/// </summary>
internal sealed class InboundLookups(SahutDbContext db) : IAsyncDisposable
{
    private readonly bool isPostgres = db.Database.IsNpgsql();
    private readonly PreparedCommands commands = new(db);

    /// <summary>The channels the batch's deliveries came in on.</summary>
    public Task<List<InboundChannel>> ChannelsAsync(IReadOnlyCollection<Guid> channelIds, CancellationToken cancellationToken) =>
        ReadAsync(
            $"""SELECT "Id", "WorkspaceId", "Type" FROM "Channels" WHERE "Id" {InList("@ids")}""",
            [("ids", List(channelIds))],
            reader => new InboundChannel(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)),
            cancellationToken);

    /// <summary>Which of these provider message ids the channel has stored already.</summary>
    public Task<List<string>> StoredProviderIdsAsync(Guid channelId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ReadAsync(
            $"""SELECT m."ProviderMessageId" FROM {Matching("Messages", "\"ProviderMessageId\"", "\"ChannelId\" = @channel", "ProviderMessageId", "@ids", "m")}""",
            [("channel", channelId), ("ids", List(ids))],
            reader => reader.GetString(0),
            cancellationToken);

    /// <summary>
    /// The contacts holding these identities of one kind, each with the identity value it was found by and every
    /// conversation it has on the channel (one row per conversation; none when it has none there).
    /// </summary>
    public Task<List<(string Value, Contact Contact, Conversation? Conversation)>> ContactsByIdentityAsync(InboundChannel channel, string kind, IReadOnlyCollection<string> values, CancellationToken cancellationToken) =>
        ReadAsync(
            $"""
            SELECT i."Value", c."Id", c."Name",
                v."Id", v."ContactId", v."Status", v."ThreadKey", v."CreatedAt", v."LastInboundAt", v."LastMessageAt", v."ResolvedAt", v."MessagesIn", v."LastMessagePreview"
            FROM {Matching("ContactIdentities", "\"Value\", \"ContactId\"", "\"WorkspaceId\" = @workspace AND \"Kind\" = @kind", "Value", "@values", "i")}
            INNER JOIN "Contacts" AS c ON c."Id" = i."ContactId"
            LEFT JOIN "Conversations" AS v ON v."ChannelId" = @channel AND v."ContactId" = c."Id"
            """,
            [("channel", channel.Id), ("workspace", channel.WorkspaceId), ("kind", kind), ("values", List(values))],
            reader => (
                reader.GetString(0),
                new Contact(reader.GetGuid(1)) { WorkspaceId = channel.WorkspaceId, Name = reader.IsDBNull(2) ? null : reader.GetString(2) },
                reader.IsDBNull(3) ? null : new Conversation(reader.GetGuid(3))
                {
                    // A conversation belongs to its channel's workspace.
                    WorkspaceId = channel.WorkspaceId,
                    ChannelId = channel.Id,
                    ContactId = reader.GetGuid(4),
                    Status = Enum.Parse<ConversationStatus>(reader.GetString(5)),
                    ThreadKey = reader.IsDBNull(6) ? null : reader.GetString(6),
                    CreatedAt = DateTimeAt(reader, 7),
                    LastInboundAt = reader.IsDBNull(8) ? null : DateTimeAt(reader, 8),
                    LastMessageAt = DateTimeAt(reader, 9),
                    ResolvedAt = reader.IsDBNull(10) ? null : DateTimeAt(reader, 10),
                    MessagesIn = reader.GetInt32(11),
                    LastMessagePreview = reader.IsDBNull(12) ? null : reader.GetString(12),
                }),
            cancellationToken);

    private DateTime DateTimeAt(DbDataReader reader, int ordinal) =>
        !isPostgres && SqliteDateTimeText.TryParse(reader.GetString(ordinal), out var at) ? at : reader.GetDateTime(ordinal);

    // SQLite takes a list as one JSON array parameter; PostgreSQL as one array parameter.
    private string InList(string parameter) => isPostgres ? $"= ANY({parameter})" : $"IN (SELECT \"value\" FROM json_each({parameter}))";

    /// <summary>
    /// The rows of <paramref name="table"/> meeting <paramref name="filter"/> whose unique <paramref name="key"/> is one
    /// of the <paramref name="list"/> parameter's values, as <paramref name="alias"/>.
    /// </summary>
    private string Matching(string table, string columns, string filter, string key, string list, string alias) => isPostgres
        // Each value probes the index on its own (LIMIT keeps PostgreSQL from flattening the subquery). With
        // "key = ANY(list)" PostgreSQL searched by the filter's columns alone and checked the list row by row, reading
        // every message of the channel, whenever the table's statistics were older than its growth (bench/ ingest on a
        // new database: 3–7 ms per look-up, growing with the table, instead of 0.1–0.4 ms).
        ? $"""unnest({list}) AS wanted("Key") CROSS JOIN LATERAL (SELECT {columns} FROM "{table}" WHERE {filter} AND "{key}" = wanted."Key" LIMIT 1) AS {alias}"""
        : $"""(SELECT {columns} FROM "{table}" WHERE {filter} AND "{key}" {InList(list)}) AS {alias}""";

    private object List<T>(IReadOnlyCollection<T> values) => isPostgres
        ? values.ToArray()
        // SQLite stores Guids as upper-case text.
        : JsonSerializer.Serialize(values.Select(v => v is Guid id ? id.ToString().ToUpperInvariant() : (object?)v));

    private async Task<List<T>> ReadAsync<T>(string sql, (string Name, object Value)[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        // The caller holds the connection open; the command stays prepared for the next batch.
        var command = commands.For(sql, parameters);

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => commands.DisposeAsync();
}
