using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sahut.Data;

/// <summary>Hand-written SQL on a context's own connection, inside the transaction the context has open (if any).</summary>
internal static class RawCommands
{
    public static DbCommand CreateCommand(this DatabaseFacade database, string sql)
    {
        var command = database.GetDbConnection().CreateCommand();
        command.Transaction = database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>The same, with named parameters (name without prefix) whose types the provider infers from the values.</summary>
    public static DbCommand CreateCommand(this DatabaseFacade database, string sql, params (string Name, object Value)[] parameters)
    {
        var command = database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
