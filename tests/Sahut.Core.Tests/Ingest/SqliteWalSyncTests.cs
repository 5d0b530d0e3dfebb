using Microsoft.Data.Sqlite;
using Sahut.Ingest;

namespace Sahut.Tests.Ingest;

public sealed class SqliteWalSyncTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sahut-walsync-").FullName;

    [Fact]
    public void A_write_ahead_log_database_commits_at_normal_and_the_writer_syncs_the_log_itself()
    {
        using var connection = Open("wal.db", "WAL");

        using var sync = SqliteWalSync.For(connection);

        if (!OperatingSystem.IsLinux())
        {
            // fdatasync is called on Linux only; elsewhere SQLite keeps syncing each commit itself.
            Assert.Null(sync);
            return;
        }

        Assert.NotNull(sync);
        Assert.Equal(1L, Scalar(connection, "PRAGMA synchronous")); // NORMAL: SQLite writes the log, the writer syncs it
        Execute(connection, "INSERT INTO Rows (Value) VALUES ('stored')");
        sync.Flush();
        Execute(connection, "INSERT INTO Rows (Value) VALUES ('stored again')");
        sync.Flush();
        Assert.True(new FileInfo(connection.DataSource + "-wal").Length > 0);
        using var reader = Open("wal.db", "WAL");
        Assert.Equal(2L, Scalar(reader, "SELECT count(*) FROM Rows"));
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("TRUNCATE")]
    public void Without_a_write_ahead_log_SQLite_keeps_its_own_full_sync(string journalMode)
    {
        using var connection = Open("journal.db", journalMode);

        Assert.Null(SqliteWalSync.For(connection));
        Assert.Equal(2L, Scalar(connection, "PRAGMA synchronous")); // FULL, as opened
    }

    [Fact]
    public void An_in_memory_database_gets_no_log_sync()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();

        Assert.Null(SqliteWalSync.For(connection));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private SqliteConnection Open(string file, string journalMode)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(directory, file)}");
        connection.Open();
        Execute(connection, $"PRAGMA journal_mode={journalMode}; CREATE TABLE IF NOT EXISTS Rows (Value TEXT)");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
