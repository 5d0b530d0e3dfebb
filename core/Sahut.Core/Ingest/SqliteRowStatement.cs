using System.Text;
using Microsoft.Data.Sqlite;
using Sahut.Data;
using SQLitePCL;

namespace Sahut.Ingest;

/// <summary>
/// One statement prepared once on a SQLite connection and run row after row with values bound by position, written
/// exactly as Microsoft.Data.Sqlite writes them (Guid as upper-case text, DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF").
/// Binding through SqliteCommand looks each parameter up by name and allocates per value; on the inbound writer's
/// path that was a third of every row written.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private byte[] buffer = new byte[256];

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        database = connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, sql, out statement), database);
    }

    public bool IsOn(SqliteConnection connection) => connection.Handle == database;

    /// <summary>Runs the statement once with these values (1-based positions in order); the number of rows changed.</summary>
    public int Execute(ReadOnlySpan<object?> values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                SqliteException.ThrowExceptionForRC(Bind(i + 1, values[i]), database);
            }

            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, database);
            }

            return raw.sqlite3_changes(database);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    private int Bind(int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string text => BindText(index, text),
        Guid id => BindGuid(index, id),
        DateTime at => BindDateTime(index, at),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"No SQLite binding for {value.GetType().Name} values."),
    };

    private int BindText(int index, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length > buffer.Length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(text, buffer);
        return raw.sqlite3_bind_text(statement, index, buffer.AsSpan(0, written));
    }

    private int BindGuid(int index, Guid id)
    {
        Span<byte> text = stackalloc byte[36];
        id.TryFormat(text, out _, "D");
        for (var i = 0; i < text.Length; i++)
        {
            // Hex digits a-f to upper case, as Guid.ToString().ToUpperInvariant() gives.
            if (text[i] is >= (byte)'a' and <= (byte)'f')
            {
                text[i] -= 'a' - 'A';
            }
        }

        return raw.sqlite3_bind_text(statement, index, text);
    }

    private int BindDateTime(int index, DateTime at)
    {
        Span<byte> text = stackalloc byte[SqliteDateTimeText.MaxLength];
        return raw.sqlite3_bind_text(statement, index, text[..SqliteDateTimeText.Format(at, text)]);
    }
}
