using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sahut.Data;

/// <summary>
/// Commands kept per SQL text on a context's connection, so a provider that prepares statements (SQLite) prepares each
/// one once for as long as the connection stays open; each use takes the context's current transaction and new values.
/// </summary>
internal sealed class PreparedCommands(DbContext db) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> commands = new(StringComparer.Ordinal);

    /// <summary>The command for this SQL with these named parameters (name without prefix), always in the same order.</summary>
    public DbCommand For(string sql, params (string Name, object Value)[] parameters)
    {
        if (Cached(sql) is not { } command)
        {
            return commands[sql] = db.Database.CreateCommand(sql, parameters);
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i].Value;
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in commands.Values)
        {
            await command.DisposeAsync();
        }

        commands.Clear();
    }

    private DbCommand? Cached(string sql)
    {
        // A context keeps one connection object for its lifetime, so a kept command is always on it.
        if (!commands.TryGetValue(sql, out var command))
        {
            return null;
        }

        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
