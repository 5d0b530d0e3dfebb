namespace Sahut.Plugins.Reports.Dashboard;

/// <summary>The dashboard's figures for a period; durations in minutes.</summary>
public sealed record ReportSummary(
    int Conversations,
    int Resolved,
    DurationFigures FirstResponse,
    DurationFigures Resolution,
    IReadOnlyList<DayFigures> Days,
    IReadOnlyList<GroupFigures> Agents,
    IReadOnlyList<GroupFigures> Channels);

public sealed record DurationFigures(int Count, double? MedianMinutes, double? P90Minutes);

/// <param name="Day">yyyy-MM-dd in the workspace time zone.</param>
public sealed record DayFigures(string Day, int Opened, int Resolved);

/// <param name="Name">An agent's email (empty: unassigned) or a channel's name.</param>
public sealed record GroupFigures(string Name, int Conversations, int Resolved, DurationFigures FirstResponse, DurationFigures Resolution);
