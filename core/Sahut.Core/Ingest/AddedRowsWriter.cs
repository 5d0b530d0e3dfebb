using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Sahut.Data;

namespace Sahut.Ingest;

/// <summary>
/// Inserts an inbound batch's <see cref="AddedRows"/> with INSERTs built from the EF model, reading each column
/// through EF's compiled property getters. EF's own SaveChanges generates SQL and sorts dependencies per row, which
/// was most of the writer's time under a burst of new customers.
/// </summary>
internal sealed class AddedRowsWriter(SahutDbContext db)
{
    // PostgreSQL pays a round trip per statement, so rows share one (under its 65,535 parameters). SQLite has no round
    // trip but finds each named parameter by a linear scan: one prepared single-row statement is fastest there.
    private const int MaxPostgresParameters = 16_000;

    public async Task WriteAsync(AddedRows added, CancellationToken cancellationToken)
    {
        var isPostgres = db.Database.IsNpgsql();
        foreach (var (type, rows) in added.InInsertOrder())
        {
            if (rows.Count > 0)
            {
                await InsertAsync(db.Model.FindEntityType(type)!, rows, isPostgres, cancellationToken);
            }
        }
    }

    private async Task InsertAsync(IEntityType entityType, IReadOnlyList<object> rows, bool isPostgres, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => new Column(p.GetColumnName(table)!, (RelationalTypeMapping)p.GetTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToList();
        var perStatement = isPostgres ? Math.Max(1, MaxPostgresParameters / columns.Count) : 1;

        // Statements of the same size reuse one command, so the provider prepares the SQL once.
        await using var full = CreateCommand(table, columns, perStatement);
        foreach (var chunk in rows.Chunk(perStatement))
        {
            if (chunk.Length == perStatement)
            {
                await ExecuteAsync(full, entityType, chunk, columns, cancellationToken);
            }
            else
            {
                await using var rest = CreateCommand(table, columns, chunk.Length);
                await ExecuteAsync(rest, entityType, chunk, columns, cancellationToken);
            }
        }
    }

    private static async Task ExecuteAsync(DbCommand command, IEntityType entityType, object[] chunk, List<Column> columns, CancellationToken cancellationToken)
    {
        command.Parameters.Clear();
        var index = 0;
        foreach (var row in chunk)
        {
            foreach (var column in columns)
            {
                // CreateParameter applies the mapping's value converter (enums stored as text, etc.) itself.
                command.Parameters.Add(column.Mapping.CreateParameter(command, "p" + index++, column.Getter.GetClrValue(row), column.Nullable));
            }
        }

        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            // The writer treats a failed insert like SaveChanges' (e.g. another node stored the same message meanwhile).
            throw new DbUpdateException($"Inserting {chunk.Length} {entityType.ClrType.Name} rows failed: {ex.Message}", ex);
        }
    }

    private DbCommand CreateCommand(StoreObjectIdentifier table, List<Column> columns, int rows) =>
        db.Database.CreateCommand(InsertSql(db.GetService<ISqlGenerationHelper>(), table, columns, rows));

    private static string InsertSql(ISqlGenerationHelper sql, StoreObjectIdentifier table, List<Column> columns, int rows)
    {
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (");
        text.AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        var parameter = 0;
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

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);
}
