namespace Sahut.Web.Pages.Shared;

/// <summary>Time zones for a select: Indonesia's three first, then every zone the system knows.</summary>
public static class TimeZoneChoices
{
    private static readonly string[] Indonesia = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

    public static IReadOnlyList<(string Id, string Label)> All()
    {
        var first = Indonesia.Where(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            .Select(id => (id, Label(TimeZoneInfo.FindSystemTimeZoneById(id))));
        var rest = TimeZoneInfo.GetSystemTimeZones()
            .Where(z => !Indonesia.Contains(z.Id))
            .OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)
            .Select(z => (z.Id, Label(z)));
        return [.. first, .. rest];
    }

    private static string Label(TimeZoneInfo zone)
    {
        var offset = zone.BaseUtcOffset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"(UTC{sign}{offset.Duration():hh\\:mm}) {zone.Id}";
    }
}
