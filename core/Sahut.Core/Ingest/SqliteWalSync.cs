using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Win32.SafeHandles;

namespace Sahut.Ingest;

/// <summary>
/// Makes the inbound writer's commits durable with fdatasync on the write-ahead log. The SQLite bundled with
/// Microsoft.Data.Sqlite syncs with fsync, which on Linux also writes the file's inode (its modification time changes
/// with every commit): a second disk write per commit. The writer's connection commits with synchronous=NORMAL
/// (the log is written, not synced) and then syncs the log's data itself before any request is answered; the log is
/// still synced before each checkpoint, as SQLite does at NORMAL.
/// </summary>
internal sealed class SqliteWalSync : IDisposable
{
    private readonly string walPath;
    private SafeFileHandle? wal;

    private SqliteWalSync(string walPath) => this.walPath = walPath;

    /// <summary>
    /// A sync for this open connection's log, or null where SQLite's own sync stays (not Linux, not SQLite, not a file,
    /// not in WAL mode). The connection commits with synchronous=NORMAL from here on.
    /// </summary>
    public static SqliteWalSync? For(DbConnection connection)
    {
        if (!OperatingSystem.IsLinux() || connection is not SqliteConnection sqlite || string.IsNullOrEmpty(sqlite.DataSource) || !File.Exists(sqlite.DataSource))
        {
            return null;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        if (!string.Equals(command.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            // Without a write-ahead log, NORMAL would leave commits unsynced.
            return null;
        }

        command.CommandText = "PRAGMA synchronous=NORMAL";
        command.ExecuteNonQuery();
        return new SqliteWalSync(sqlite.DataSource + "-wal");
    }

    /// <summary>Syncs what the connection's commits wrote to the log so far.</summary>
    public void Flush()
    {
        // The writer's own connection keeps the log open, so the file is the same one from commit to commit.
        wal ??= File.OpenHandle(walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        if (FDataSync(wal) != 0)
        {
            throw new IOException($"fdatasync of {walPath} failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    public void Dispose() => wal?.Dispose();

    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static extern int FDataSync(SafeFileHandle file);
}
