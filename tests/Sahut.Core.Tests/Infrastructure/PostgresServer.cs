using System.Diagnostics;
using Npgsql;

namespace Sahut.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>SAHUT_TEST_POSTGRES</c> when set (CI starts it), otherwise the repo's
/// build/test-services.sh is run to start a throwaway cluster on loopback.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<string> Connection = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string AdminConnectionString => Connection.Value;

    /// <summary>Creates a fresh, empty database named <paramref name="prefix"/> + a random suffix and returns its name.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = prefix + Guid.NewGuid().ToString("N");
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return name;
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    /// <summary>Drops a test database even while pooled connections are still open.</summary>
    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("SAHUT_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return configured;
        }

        var script = Path.Combine(RepoPaths.Root, "build", "test-services.sh");
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run " + script);
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        foreach (var line in output.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("export ", StringComparison.Ordinal))
            {
                trimmed = trimmed["export ".Length..];
            }

            if (trimmed.StartsWith("SAHUT_TEST_POSTGRES=", StringComparison.Ordinal))
            {
                return trimmed["SAHUT_TEST_POSTGRES=".Length..].Trim('"', '\'');
            }
        }

        throw new InvalidOperationException($"PostgreSQL for tests is not available: set SAHUT_TEST_POSTGRES or make {script} work.\n{output}\n{errors}");
    }
}
