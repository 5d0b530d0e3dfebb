using System.Data.Common;
using System.Text;
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
internal sealed class RowWriter(SahutDbContext db)
{
    // PostgreSQL pays a round trip per command, so rows share one (under its 65,535 parameters). SQLite has no round
    // trip but finds each named parameter by a scan: one prepared single-row statement is fastest there.
    private const int MaxPostgresParameters = 16_000;

    private readonly bool isPostgres = db.Database.IsNpgsql();

    public Task InsertAsync(Type type, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(type)!;
        return WriteAsync(new Statement(entityType, entityType.GetProperties(), Update: false), rows, cancellationToken);
    }

    /// <summary>Writes these properties of existing rows; a row that no longer exists fails the batch.</summary>
    public Task UpdateAsync(Type type, IEnumerable<string> properties, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(type)!;
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        return WriteAsync(new Statement(entityType, properties.Select(p => entityType.FindProperty(p)!).Append(key), Update: true), rows, cancellationToken);
    }

    private async Task WriteAsync(Statement statement, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = statement.Columns();
        var perCommand = isPostgres ? Math.Max(1, MaxPostgresParameters / columns.Count) : 1;

        // Commands of the same size are reused, so the provider prepares the SQL once.
        await using var full = db.Database.CreateCommand(statement.Sql(db, columns, perCommand));
        foreach (var chunk in rows.Chunk(perCommand))
        {
            if (chunk.Length == perCommand)
            {
                await ExecuteAsync(full, statement, chunk, columns, cancellationToken);
            }
            else
            {
                await using var rest = db.Database.CreateCommand(statement.Sql(db, columns, chunk.Length));
                await ExecuteAsync(rest, statement, chunk, columns, cancellationToken);
            }
        }
    }

    private static async Task ExecuteAsync(DbCommand command, Statement statement, object[] chunk, List<Column> columns, CancellationToken cancellationToken)
    {
        // The first rows create the parameters (the mapping picks each one's type); later rows of the same command
        // only change their values, so the provider binds them without building new parameter objects.
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
            // The writer treats a failed write like SaveChanges' (e.g. another node stored the same message meanwhile).
            throw new DbUpdateException($"Writing {chunk.Length} {statement.EntityType.ClrType.Name} rows failed: {ex.Message}", ex);
        }

        if (statement.Update && written != chunk.Length)
        {
            throw new DbUpdateConcurrencyException($"{chunk.Length - written} {statement.EntityType.ClrType.Name} rows to update no longer exist.");
        }
    }

    private sealed record Statement(IEntityType EntityType, IEnumerable<IProperty> Properties, bool Update)
    {
        private StoreObjectIdentifier Table => StoreObjectIdentifier.Table(EntityType.GetTableName()!, EntityType.GetSchema());

        public List<Column> Columns() => Properties
            .Select(p => new Column(p.GetColumnName(Table)!, (RelationalTypeMapping)p.GetTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToList();

        /// <summary>SQL for this many rows; parameters are numbered row by row, in column order.</summary>
        public string Sql(SahutDbContext db, List<Column> columns, int rows)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            var table = sql.DelimitIdentifier(Table.Name, Table.Schema);
            var text = new StringBuilder();
            var parameter = 0;
            if (Update)
            {
                // One UPDATE per row; the key is the last column.
                for (var row = 0; row < rows; row++)
                {
                    text.Append("UPDATE ").Append(table).Append(" SET ");
                    for (var column = 0; column < columns.Count - 1; column++)
                    {
                        text.Append(column == 0 ? "" : ", ").Append(sql.DelimitIdentifier(columns[column].Name)).Append(" = @p").Append(parameter++);
                    }

                    text.Append(" WHERE ").Append(sql.DelimitIdentifier(columns[^1].Name)).Append(" = @p").Append(parameter++).Append(';');
                }

                return text.ToString();
            }

            text.Append("INSERT INTO ").Append(table).Append(" (");
            text.AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
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
