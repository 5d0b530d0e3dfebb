using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sahut.Data;

/// <summary>
/// Sets up each physical SQLite connection once, when the pool first opens it:
/// <list type="bullet">
/// <item>SQLite itself waits for a busy write lock (it polls every few milliseconds) instead of returning SQLITE_BUSY
/// to Microsoft.Data.Sqlite, whose retry sleeps 150 ms a time: with the inbound writer, the outbox and billing all
/// writing, those sleeps were most of the webhook latency.</item>
/// <item>Pages are read through a memory map shared by every connection instead of a read() system call per page
/// missed in the connection's own 2 MB cache: a tenth of the ingest CPU was such reads.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSetup(TimeSpan busyTimeout, long memoryMapBytes) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || prepared.TryGetValue(handle, out _))
        {
            return;
        }

        SQLitePCL.raw.sqlite3_busy_timeout(handle, (int)busyTimeout.TotalMilliseconds);
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size={memoryMapBytes}";
        command.ExecuteNonQuery();
        prepared.AddOrUpdate(handle, handle);
    }
}
