using System.Data.Common;
using System.Text;
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
    // PostgreSQL pays a round trip per command, so rows share one (under its 65,535 parameters). SQLite has no round
    // trip: one single-row statement, prepared once and bound by position, is fastest there.
    private const int MaxPostgresParameters = 16_000;

    private readonly bool isPostgres = db.Database.IsNpgsql();
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
                ? new Statement(entityType, entityType.GetProperties(), update: false)
                : new Statement(entityType, properties.Select(p => entityType.FindProperty(p)!).Append(entityType.FindPrimaryKey()!.Properties.Single()), update: true);
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

        if (!isPostgres)
        {
            WriteOnSqlite(statement, rows);
            return;
        }

        foreach (var chunk in rows.Chunk(Math.Max(1, MaxPostgresParameters / statement.Columns.Count)))
        {
            // Commands are kept per SQL text, so the provider prepares each size once.
            await ExecuteAsync(commands.For(statement.Sql(db, chunk.Length)), statement, chunk, cancellationToken);
        }
    }

    private void WriteOnSqlite(Statement statement, IReadOnlyList<object> rows)
    {
        var sql = statement.Sql(db, 1);
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

    private static async Task ExecuteAsync(DbCommand command, Statement statement, object[] chunk, CancellationToken cancellationToken)
    {
        // The first rows create the parameters (the mapping picks each one's type); later rows of the same command
        // only change their values, so the provider binds them without building new parameter objects.
        var columns = statement.Columns;
        var reuse = command.Parameters.Count == chunk.Length * columns.Count;
        var index = 0;
        foreach (var row in chunk)
        {
            foreach (var column in columns)
            {
                var value = column.Getter.GetClrValue(row);
                if (reuse)
                {
                    command.Parameters[index++].Value = column.ToProvider(value) ?? DBNull.Value;
                }
                else
                {
                    // CreateParameter applies the mapping's value converter (enums stored as text, etc.) itself.
                    command.Parameters.Add(column.Mapping.CreateParameter(command, "@p" + index++, value, column.Nullable));
                }
            }
        }

        int written;
        try
        {
            written = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw Failed(statement, chunk.Length, ex);
        }

        Check(statement, chunk.Length, written);
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

    private sealed class Statement(IEntityType entityType, IEnumerable<IProperty> properties, bool update)
    {
        private readonly StoreObjectIdentifier table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        private readonly Dictionary<int, string> sqlByRows = [];

        public IEntityType EntityType => entityType;

        public bool Update => update;

        public List<Column> Columns => field ??= properties
            .Select(p => new Column(p.GetColumnName(table)!, (RelationalTypeMapping)p.GetTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToList();

        /// <summary>SQL for this many rows; parameters are numbered row by row, in column order.</summary>
        public string Sql(SahutDbContext db, int rows)
        {
            if (!sqlByRows.TryGetValue(rows, out var text))
            {
                text = sqlByRows[rows] = Build(db.GetService<ISqlGenerationHelper>(), rows);
            }

            return text;
        }

        private string Build(ISqlGenerationHelper sql, int rows)
        {
            var name = sql.DelimitIdentifier(table.Name, table.Schema);
            var text = new StringBuilder();
            var parameter = 0;
            if (Update)
            {
                // One UPDATE per row; the key is the last column.
                for (var row = 0; row < rows; row++)
                {
                    text.Append("UPDATE ").Append(name).Append(" SET ");
                    for (var column = 0; column < Columns.Count - 1; column++)
                    {
                        text.Append(column == 0 ? "" : ", ").Append(sql.DelimitIdentifier(Columns[column].Name)).Append(" = @p").Append(parameter++);
                    }

                    text.Append(" WHERE ").Append(sql.DelimitIdentifier(Columns[^1].Name)).Append(" = @p").Append(parameter++).Append(';');
                }

                return text.ToString();
            }

            text.Append("INSERT INTO ").Append(name).Append(" (");
            text.AppendJoin(", ", Columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < Columns.Count; column++)
                {
                    text.Append(column == 0 ? "@p" : ", @p").Append(parameter++);
                }

                text.Append(')');
            }

            return text.ToString();
        }
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable)
    {
        public object? ToProvider(object? value) => value is null || Mapping.Converter is not { } converter ? value : converter.ConvertToProvider(value);
    }
}
