using System.Globalization;

namespace Sahut.Exports;

/// <summary>Turns export dates (inclusive days in the workspace time zone) into UTC bounds and UTC timestamps into ISO 8601 local times.</summary>
internal sealed class WorkspaceExportClock(TimeZoneInfo zone)
{
    private const int IsoLength = 25;

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

        // Called several times per exported row: the offset comes straight from the zone and the text is written in
        // place, instead of a DateTimeOffset conversion and a custom-format parse per value.
        var instant = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(instant);
        return string.Create(IsoLength, (Local: instant.Add(offset), Offset: offset), static (text, state) =>
        {
            state.Local.TryFormat(text, out _, "s", CultureInfo.InvariantCulture);
            var minutes = (int)state.Offset.TotalMinutes;
            text[19] = minutes < 0 ? '-' : '+';
            minutes = Math.Abs(minutes);
            WriteTwoDigits(text[20..], minutes / 60);
            text[22] = ':';
            WriteTwoDigits(text[23..], minutes % 60);
        });
    }

    private static void WriteTwoDigits(Span<char> text, int value)
    {
        text[0] = (char)('0' + (value / 10));
        text[1] = (char)('0' + (value % 10));
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
