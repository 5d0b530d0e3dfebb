using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Sahut.Data;

namespace Sahut.Ingest;

/// <summary>
/// On SQLite, writes the tracked rows an inbound batch changed (conversation counters, reopened conversations,
/// delivery statuses, filled-in names) with one prepared UPDATE per set of changed columns, exactly the columns
/// SaveChanges would write; SaveChanges' per-row command building was a tenth of the ingest CPU once most messages
/// came from known customers. PostgreSQL keeps SaveChanges, which sends all updates in one round trip.
/// </summary>
internal sealed class ModifiedRowsWriter(SahutDbContext db)
{
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var commands = new Dictionary<string, DbCommand>();
        try
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified).ToList())
            {
                await UpdateAsync(entry, commands, cancellationToken);
                entry.State = EntityState.Unchanged;
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    private async Task UpdateAsync(EntityEntry entry, Dictionary<string, DbCommand> commands, CancellationToken cancellationToken)
    {
        var entityType = entry.Metadata;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToList();
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        var shape = entityType.Name + ":" + string.Join(',', changed.Select(p => p.Name));
        if (!commands.TryGetValue(shape, out var command))
        {
            command = db.Database.CreateCommand(UpdateSql(db.GetService<ISqlGenerationHelper>(), table, changed, key));
            commands[shape] = command;
        }

        command.Parameters.Clear();
        var index = 0;
        foreach (var property in changed.Append(key))
        {
            // CreateParameter applies the mapping's value converter (enums stored as text, etc.) itself.
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            command.Parameters.Add(mapping.CreateParameter(command, "p" + index++, entry.Property(property.Name).CurrentValue, property.IsNullable));
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new DbUpdateConcurrencyException($"The {entityType.ClrType.Name} row to update no longer exists.");
        }
    }

    private static string UpdateSql(ISqlGenerationHelper sql, StoreObjectIdentifier table, List<IProperty> changed, IProperty key)
    {
        var text = new StringBuilder("UPDATE ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" SET ");
        var index = 0;
        text.AppendJoin(", ", changed.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!) + " = @p" + index++));
        return text.Append(" WHERE ").Append(sql.DelimitIdentifier(key.GetColumnName(table)!)).Append(" = @p").Append(index).ToString();
    }
}
