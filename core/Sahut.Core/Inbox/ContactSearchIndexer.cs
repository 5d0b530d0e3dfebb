using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sahut.Data;

namespace Sahut.Inbox;

/// <summary>
/// SQLite only: adds new contact search terms to the FTS5 index every second, in batches, instead of a trigger doing
/// it per row inside every writing transaction (migration ContactSearchInBackground). Until a term is indexed, search
/// finds it by scanning the unindexed tail (<see cref="SqliteContactSql"/>), so results never lag.
/// </summary>
public sealed class ContactSearchIndexer(IServiceScopeFactory scopes, IDbContextConfigurer database, SqliteWriteGate gate, TimeProvider time, ILogger<ContactSearchIndexer> logger) : BackgroundService
{
    /// <summary>Terms per transaction: short enough not to hold SQLite's write lock away from the inbound writer for long.</summary>
    public const int Chunk = 250;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // PostgreSQL's trigram indexes are kept by the database itself.
    private bool IndexesHere => string.Equals(database.Provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase);

    private const string PendingSql = """
        SELECT COUNT(*), MAX("Id") FROM (
            SELECT "Id" FROM "ContactSearchTerms" WHERE "Id" > (SELECT "IndexedUpTo" FROM "ContactSearchProgress") ORDER BY "Id" LIMIT @chunk)
        """;

    private const string IndexSql = """
        INSERT INTO "ContactSearch" (rowid, "Term", "ContactId", "WorkspaceId")
            SELECT "Id", "Term", "ContactId", "WorkspaceId" FROM "ContactSearchTerms"
            WHERE "Id" > (SELECT "IndexedUpTo" FROM "ContactSearchProgress") AND "Id" <= @upTo;
        UPDATE "ContactSearchProgress" SET "IndexedUpTo" = @upTo;
        """;

    /// <summary>Indexes up to <see cref="Chunk"/> pending terms in one transaction; returns how many.</summary>
    public async Task<int> IndexPendingAsync(CancellationToken cancellationToken)
    {
        if (!IndexesHere)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();

        using var turn = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (count, upTo) = await PendingAsync(db, cancellationToken);
        if (count == 0)
        {
            return 0;
        }

        await using var index = db.Database.CreateCommand(IndexSql, ("upTo", upTo));
        await index.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IndexesHere)
        {
            return;
        }

        try
        {
            // A delay per round rather than a periodic timer: a clock moved on by a month (as billing tests do) must
            // not replay every missed second.
            while (true)
            {
                try
                {
                    while (await IndexPendingAsync(stoppingToken) == Chunk)
                    {
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Indexing new contact search terms failed; retrying");
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<(int Count, long UpTo)> PendingAsync(SahutDbContext db, CancellationToken cancellationToken)
    {
        await using var pending = db.Database.CreateCommand(PendingSql, ("chunk", Chunk));
        await using var reader = await pending.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = reader.GetInt32(0);
        return (count, count == 0 ? 0 : reader.GetInt64(1));
    }
}
