using System.Diagnostics;

namespace Sahut.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>SAHUT_TEST_POSTGRES</c> when set (CI starts it), otherwise the repo's
/// build/test-services.sh is run to start a throwaway cluster on loopback.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<string> Connection = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string AdminConnectionString => Connection.Value;

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
