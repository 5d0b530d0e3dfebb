using System.Globalization;

namespace Sahut.Exports;

/// <summary>Turns export dates (inclusive days in the workspace time zone) into UTC bounds and UTC timestamps into ISO 8601 local times.</summary>
internal sealed class WorkspaceExportClock(TimeZoneInfo zone)
{
    public static WorkspaceExportClock For(string timeZoneId) =>
        new(TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc);

    /// <summary>The first UTC instant of the day, or null for an open range.</summary>
    public DateTime? StartOf(DateOnly? day) => day is { } d ? LocalMidnightUtc(d) : null;

    /// <summary>The first UTC instant after the (inclusive) day, or null for an open range.</summary>
    public DateTime? EndOf(DateOnly? day) => day is { } d ? LocalMidnightUtc(d.AddDays(1)) : null;

    /// <summary>e.g. <c>2026-11-01T00:30:00+07:00</c>.</summary>
    public string? Format(DateTime? utc)
    {
        if (utc is not { } value)
        {
            return null;
        }

        var instant = new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private DateTime LocalMidnightUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A day that starts inside a DST gap begins at the first valid local time after it.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
