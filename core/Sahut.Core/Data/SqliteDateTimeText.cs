namespace Sahut.Data;

/// <summary>
/// The text Microsoft.Data.Sqlite writes for a DateTime ("yyyy-MM-dd HH:mm:ss" and up to seven fraction digits,
/// trailing zeros dropped), read and written by position. Its own reader goes through DateTime.Parse and its writer
/// through a custom format string, which were most of the cost of a date on the inbound writer's path. Anything else
/// is left to the caller's general parse.
/// </summary>
internal static class SqliteDateTimeText
{
    private const int SecondsLength = 19;
    private const int FractionDigits = 7;

    /// <summary>The longest text: seconds, a point and seven fraction digits.</summary>
    public const int MaxLength = SecondsLength + 1 + FractionDigits;

    /// <summary>Writes <paramref name="value"/> as Microsoft.Data.Sqlite does, in ASCII; the number of bytes written.</summary>
    public static int Format(DateTime value, Span<byte> text)
    {
        Digits(text[..4], value.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), value.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), value.Day);
        text[10] = (byte)' ';
        Digits(text.Slice(11, 2), value.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), value.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), value.Second);

        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return SecondsLength;
        }

        var digits = FractionDigits;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        text[SecondsLength] = (byte)'.';
        Digits(text.Slice(SecondsLength + 1, digits), fraction);
        return SecondsLength + 1 + digits;
    }

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

    private static void Digits(Span<byte> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
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
