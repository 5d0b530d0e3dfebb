namespace Sahut.Bench;

/// <summary>Command line: <c>&lt;scenario&gt; [--postgres CONNSTR] [--seconds N] [--conversations N] [--messages-per-conversation N] [--clients N] [--rate N] [--published] [--rounds N] [--versus OTHER/Sahut.Web.dll] [--scattered]</c>.</summary>
public sealed record BenchOptions(string Scenario, string? Postgres, int Seconds, int Conversations, int MessagesPerConversation, int Clients, int Rate, int Concurrency, bool Published, int Rounds, string? Versus, bool Scattered)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
        }

        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var postgres = values.GetValueOrDefault("postgres") ?? (values.ContainsKey("pg") ? Environment.GetEnvironmentVariable("SAHUT_TEST_POSTGRES") : null);
        return new BenchOptions(
            args.Length > 0 ? args[0] : "help",
            postgres is "true" ? Environment.GetEnvironmentVariable("SAHUT_TEST_POSTGRES") : postgres,
            Int("seconds", 10),
            Int("conversations", 100_000),
            Int("messages-per-conversation", 10),
            Int("clients", 200),
            Int("rate", 200),
            Int("concurrency", 64),
            values.ContainsKey("published"),
            // ingest and export: the machine's spare capacity drifts within minutes; taking turns lets each side see the same.
            Int("rounds", 3),
            values.GetValueOrDefault("versus"),
            values.ContainsKey("scattered"));
    }
}
