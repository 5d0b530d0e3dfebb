namespace Sahut.Data;

/// <summary>
/// Reads the text Microsoft.Data.Sqlite writes for a DateTime ("yyyy-MM-dd HH:mm:ss" and up to seven fraction
/// digits) by position. Its own reader goes through DateTime.Parse, which was most of the cost of reading a row on the
/// inbound writer's path. Anything else is left to the caller's general parse.
/// </summary>
internal static class SqliteDateTimeText
{
    private const int SecondsLength = 19;
    private const int MaxLength = SecondsLength + 8;

    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        if (text.Length < SecondsLength || text.Length > MaxLength || text.Length == SecondsLength + 1
            || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || (text.Length > SecondsLength && text[SecondsLength] != '.'))
        {
            return false;
        }

        if (!Number(text.Slice(0, 4), out var year) || !Number(text.Slice(5, 2), out var month) || !Number(text.Slice(8, 2), out var day)
            || !Number(text.Slice(11, 2), out var hour) || !Number(text.Slice(14, 2), out var minute) || !Number(text.Slice(17, 2), out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var ticks = 0;
        if (text.Length > SecondsLength)
        {
            var fraction = text[(SecondsLength + 1)..];
            if (!Number(fraction, out ticks))
            {
                return false;
            }

            for (var digits = fraction.Length; digits < 7; digits++)
            {
                ticks *= 10;
            }
        }

        value = new DateTime(year, month, day, hour, minute, second).AddTicks(ticks);
        return true;
    }

    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (digit is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}
