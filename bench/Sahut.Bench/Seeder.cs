using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sahut.Bench;

/// <summary>
/// Writes a large inbox straight into Sahut's tables (far faster than through the API): contacts with phones,
/// conversations spread over statuses, assignees and two channels, and their messages.
/// </summary>
public sealed class Seeder(string dataDir, string? postgres)
{
    private readonly bool isPostgres = postgres is not null;

    public static readonly string[] FirstNames = ["Rina", "Budi", "Siti", "Agus", "Dewi", "Andi", "Putri", "Rudi", "Wati", "Joko"];

    public async Task<SeedResult> SeedAsync(Guid workspaceId, Guid ownerId, int conversations, int messagesPerConversation)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = Open();
        await connection.OpenAsync();
        if (!isPostgres)
        {
            await Exec(connection, "PRAGMA synchronous=OFF;");
        }

        var channels = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        var start = DateTime.UtcNow.AddDays(-60);
        await using (var tx = await connection.BeginTransactionAsync())
        {
            for (var c = 0; c < channels.Length; c++)
            {
                await Insert(connection, tx, "Channels", ["Id", "WorkspaceId", "Type", "Name", "EncryptedSettings", "WebhookKey", "State", "CreatedAt"],
                    [channels[c], workspaceId, "whatsapp", $"Bench {c}", "-", Guid.NewGuid().ToString("N"), "Active", start]);
            }

            await tx.CommitAsync();
        }

        const int batch = 2_000;
        for (var offset = 0; offset < conversations; offset += batch)
        {
            await using var tx = await connection.BeginTransactionAsync();
            for (var i = offset; i < Math.Min(conversations, offset + batch); i++)
            {
                var contactId = Guid.CreateVersion7();
                var conversationId = Guid.CreateVersion7();
                var created = start.AddSeconds(i * 50);
                var last = created.AddMinutes(messagesPerConversation);
                var phone = "+628" + (1_100_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Insert(connection, tx, "Contacts", ["Id", "WorkspaceId", "Name", "CreatedAt"], [contactId, workspaceId, $"{FirstNames[i % FirstNames.Length]} {i}", created]);
                await Insert(connection, tx, "ContactIdentities", ["Id", "WorkspaceId", "ContactId", "Kind", "Value"], [Guid.CreateVersion7(), workspaceId, contactId, "phone", phone]);
                var status = (i % 10) switch { < 6 => "Open", < 8 => "Pending", _ => "Resolved" };
                object assignee = (i % 3) switch { 0 => ownerId, _ => DBNull.Value };
                await Insert(connection, tx, "Conversations",
                    ["Id", "WorkspaceId", "ChannelId", "ContactId", "Status", "AssigneeId", "CreatedAt", "LastInboundAt", "LastMessageAt", "FirstResponseAt", "ResolvedAt", "MessagesIn", "MessagesOut", "NotesCount", "LastMessagePreview"],
                    [conversationId, workspaceId, channels[i % 2], contactId, status, assignee, created, last, last, created.AddMinutes(3), status == "Resolved" ? last : DBNull.Value, (messagesPerConversation + 1) / 2, messagesPerConversation / 2, 0, "Terima kasih kak"]);
                for (var m = 0; m < messagesPerConversation; m++)
                {
                    var inbound = m % 2 == 0;
                    await Insert(connection, tx, "Messages",
                        ["Id", "WorkspaceId", "ConversationId", "ChannelId", "Direction", "Kind", "Body", "ProviderMessageId", "DeliveryStatus", "CreatedAt"],
                        [Guid.CreateVersion7(), workspaceId, conversationId, channels[i % 2], inbound ? "In" : "Out", "text", inbound ? "Halo, pesanan saya sudah dikirim?" : "Sudah kak, resi menyusul", $"wamid.seed.{i}.{m}", inbound ? 2 : 3, created.AddMinutes(m)]);
                }
            }

            await tx.CommitAsync();
        }

        if (!isPostgres)
        {
            // A long-running inbox has every contact in the search index (Sahut indexes new ones within a second).
            await Exec(connection, """
                BEGIN IMMEDIATE;
                INSERT INTO "ContactSearch" (rowid, "Term", "ContactId", "WorkspaceId")
                    SELECT "Id", "Term", "ContactId", "WorkspaceId" FROM "ContactSearchTerms" WHERE "Id" > (SELECT "IndexedUpTo" FROM "ContactSearchProgress");
                UPDATE "ContactSearchProgress" SET "IndexedUpTo" = (SELECT COALESCE(MAX("Id"), 0) FROM "ContactSearchTerms");
                COMMIT;
                """);
        }

        return new SeedResult(channels, stopwatch.Elapsed);
    }

    public DbConnection Open() => isPostgres
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = SahutProcess.DatabaseName(Path.GetFileName(dataDir)) }.ConnectionString)
        : new SqliteConnection($"Data Source={Path.Combine(dataDir, "sahut.db")}");

    private readonly Dictionary<string, DbCommand> prepared = [];

    private async Task Insert(DbConnection connection, DbTransaction tx, string table, string[] columns, object[] values)
    {
        var key = table + ":" + columns.Length;
        if (!prepared.TryGetValue(key, out var command) || command.Connection != connection)
        {
            command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
            for (var i = 0; i < columns.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                command.Parameters.Add(parameter);
            }

            prepared[key] = command;
        }

        command.Transaction = tx;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = Convert(values[i]);
        }

        await command.ExecuteNonQueryAsync();
    }

    // EF Core's SQLite mapping: GUIDs as upper-case text, DateTimes as "yyyy-MM-dd HH:mm:ss.FFFFFFF".
    private object Convert(object value) => isPostgres ? value : value switch
    {
        Guid g => g.ToString().ToUpperInvariant(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    private static async Task Exec(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

public sealed record SeedResult(Guid[] ChannelIds, TimeSpan Took);
