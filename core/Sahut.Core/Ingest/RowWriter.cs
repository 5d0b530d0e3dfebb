using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Sahut.Data;

namespace Sahut.Ingest;

/// <summary>
/// Inserts and updates the inbound writer's rows with SQL built from the EF model, reading each column through EF's
/// compiled property getters and converting it with the column's own type mapping. EF's SaveChanges generates SQL,
/// sorts dependencies and detects changes per row, which was most of the writer's time under a burst of webhooks.
/// </summary>
internal sealed class RowWriter(SahutDbContext db) : IAsyncDisposable
{
    // SQLite has no round trip: one single-row statement, prepared once and bound by position, is fastest there.
    // PostgreSQL pays a round trip and a plan per statement: each statement takes all its rows at once.
    private readonly bool isPostgres = db.Database.IsNpgsql();
    private readonly ISqlGenerationHelper sqlHelper = db.GetService<ISqlGenerationHelper>();
    private readonly PreparedCommands commands = new(db);
    private readonly Dictionary<string, SqliteRowStatement> sqliteStatements = new(StringComparer.Ordinal);
    private readonly Dictionary<(Type Type, string[]? Properties), Statement> statements = [];

    public Task InsertAsync(Type type, IReadOnlyList<object> rows, CancellationToken cancellationToken) =>
        WriteAsync(StatementFor(type, null), rows, cancellationToken);

    /// <summary>Writes these properties of existing rows; a row that no longer exists fails the batch.</summary>
    public Task UpdateAsync(Type type, string[] properties, IReadOnlyList<object> rows, CancellationToken cancellationToken) =>
        WriteAsync(StatementFor(type, properties), rows, cancellationToken);

    public ValueTask DisposeAsync()
    {
        foreach (var statement in sqliteStatements.Values)
        {
            statement.Dispose();
        }

        sqliteStatements.Clear();
        return commands.DisposeAsync();
    }

    // Keyed by the caller's property array itself: callers pass the same array each time.
    private Statement StatementFor(Type type, string[]? properties)
    {
        if (!statements.TryGetValue((type, properties), out var statement))
        {
            var entityType = db.Model.FindEntityType(type)!;
            statement = properties is null
                ? new Statement(entityType, entityType.GetProperties(), update: false, sqlHelper)
                : new Statement(entityType, properties.Select(p => entityType.FindProperty(p)!).Append(entityType.FindPrimaryKey()!.Properties.Single()), update: true, sqlHelper);
            statements[(type, properties)] = statement;
        }

        return statement;
    }

    private async Task WriteAsync(Statement statement, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (isPostgres)
        {
            await WriteOnPostgresAsync(statement, rows, cancellationToken);
        }
        else
        {
            WriteOnSqlite(statement, rows);
        }
    }

    private void WriteOnSqlite(Statement statement, IReadOnlyList<object> rows)
    {
        var sql = statement.RowSql;
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (!sqliteStatements.TryGetValue(sql, out var prepared) || !prepared.IsOn(connection))
        {
            prepared?.Dispose();
            prepared = sqliteStatements[sql] = new SqliteRowStatement(connection, sql);
        }

        var columns = statement.Columns;
        var values = new object?[columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = columns[i].ToProvider(columns[i].Getter.GetClrValue(row));
            }

            int written;
            try
            {
                written = prepared.Execute(values);
            }
            catch (SqliteException ex)
            {
                throw Failed(statement, 1, ex);
            }

            Check(statement, 1, written);
        }
    }

    // All rows in one statement, whatever the batch size: each column goes as one array parameter. PostgreSQL parses
    // and plans one short statement per batch instead of a statement per row or a new multi-row text per batch size;
    // it is not prepared, so each plan sees the real array sizes and the current statistics (PostgreSQL moves a prepared
    // statement to one generic plan; with the writer's look-ups prepared, bench/ ingest --pg ran three times slower).
    private async Task WriteOnPostgresAsync(Statement statement, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        // The arrays' element types (Guid, string, int?, …) give the parameters their types, the same on every batch.
        var command = commands.For(statement.ArraySql, [.. statement.Columns.Select((c, i) => ("p" + i, (object)c.ProviderValues(rows)))]);

        int written;
        try
        {
            written = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw Failed(statement, rows.Count, ex);
        }

        Check(statement, rows.Count, written);
    }

    // The writer treats a failed write like SaveChanges' (e.g. another node stored the same message meanwhile).
    private static DbUpdateException Failed(Statement statement, int rows, DbException ex) =>
        new($"Writing {rows} {statement.EntityType.ClrType.Name} rows failed: {ex.Message}", ex);

    private static void Check(Statement statement, int rows, int written)
    {
        if (statement.Update && written != rows)
        {
            throw new DbUpdateConcurrencyException($"{rows - written} {statement.EntityType.ClrType.Name} rows to update no longer exist.");
        }
    }

    private sealed class Statement(IEntityType entityType, IEnumerable<IProperty> properties, bool update, ISqlGenerationHelper sql)
    {
        private readonly StoreObjectIdentifier table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());

        public IEntityType EntityType => entityType;

        public bool Update => update;

        public List<Column> Columns => field ??= properties
            .Select(p => new Column(p.GetColumnName(table)!, (RelationalTypeMapping)p.GetTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToList();

        /// <summary>SQL for one row, its parameters in column order (an UPDATE's key last).</summary>
        public string RowSql => field ??= Update
            ? $"UPDATE {Table} SET {string.Join(", ", Columns.SkipLast(1).Select((c, i) => $"{Quoted(c)} = @p{i}"))} WHERE {Quoted(Columns[^1])} = @p{Columns.Count - 1}"
            : $"INSERT INTO {Table} ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i))})";

        /// <summary>PostgreSQL SQL for any number of rows: parameter i is the array of column i's values.</summary>
        public string ArraySql => field ??= Update
            ? $"UPDATE {Table} AS t SET {string.Join(", ", Columns.SkipLast(1).Select(c => $"{Quoted(c)} = u.{Quoted(c)}"))} FROM unnest({Arrays}) AS u({ColumnList}) WHERE t.{Quoted(Columns[^1])} = u.{Quoted(Columns[^1])}"
            : $"INSERT INTO {Table} ({ColumnList}) SELECT * FROM unnest({Arrays})";

        private string Table => sql.DelimitIdentifier(table.Name, table.Schema);

        private string ColumnList => string.Join(", ", Columns.Select(Quoted));

        private string Arrays => string.Join(", ", Columns.Select((c, i) => $"@p{i}::{c.Mapping.StoreType}[]"));

        private string Quoted(Column column) => sql.DelimitIdentifier(column.Name);
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable)
    {
        public object? ToProvider(object? value) => value is null || Mapping.Converter is not { } converter ? value : converter.ConvertToProvider(value);

        /// <summary>This column's value of each row, as the provider stores it, in a typed array (nullable where the column is).</summary>
        public Array ProviderValues(IReadOnlyList<object> rows)
        {
            var values = Array.CreateInstance(ElementType, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                values.SetValue(ToProvider(Getter.GetClrValue(rows[i])), i);
            }

            return values;
        }

        private Type ElementType => field ??= ArrayElementType();

        private Type ArrayElementType()
        {
            var type = Mapping.Converter?.ProviderClrType ?? Mapping.ClrType;
            return type.IsValueType && Nullable && System.Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;
        }
    }
}
