namespace Sahut.Scheduling;

/// <summary>The Quartz job-store tables' DDL, embedded from Scheduling/Schema and applied by the core migration "Quartz".</summary>
public static class QuartzSchema
{
    private const string Separator = "--;;";

    /// <summary>Every Quartz table, children first, for dropping.</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "QRTZ_JOB_STATUS", "QRTZ_MISFIRE_HISTORY", "QRTZ_EXECUTION_HISTORY", "QRTZ_LOCKS", "QRTZ_SCHEDULER_STATE",
        "QRTZ_FIRED_TRIGGERS", "QRTZ_PAUSED_JOB_GRPS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_CALENDARS", "QRTZ_BLOB_TRIGGERS",
        "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS",
    ];

    /// <summary>The statements for "sqlite" or "postgres", one command each.</summary>
    public static IReadOnlyList<string> Statements(string provider)
    {
        var resource = $"Sahut.Scheduling.Schema.quartz-{provider}.sql";
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded resource {resource}.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd();
        return script.Split(Separator, StringSplitOptions.TrimEntries)
            .Select(StripCommentLines)
            .Where(statement => statement.Length > 0)
            .ToList();
    }

    private static string StripCommentLines(string statement) =>
        string.Join('\n', statement.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();
}
