namespace Sahut.Data;

/// <summary>
/// SQLite has one write lock per database, and a connection that finds it taken sleeps in growing steps
/// (1, 2, 5, 10 ms …) before it tries again: a background writer holding the lock for 3 ms could stall the inbound
/// writer for 10. The in-process writers that run all the time (inbound writer, search indexer, billing meter) take
/// turns here instead and hand over without sleeping. On PostgreSQL the gate is always open.
/// </summary>
public sealed class SqliteWriteGate(IDbContextConfigurer database)
{
    private readonly SemaphoreSlim turn = new(1, 1);

    private readonly bool isSqlite = string.Equals(database.Provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>Waits for this writer's turn; dispose the result to give it back (null when there are no turns).</summary>
    public async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (!isSqlite)
        {
            return null;
        }

        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
