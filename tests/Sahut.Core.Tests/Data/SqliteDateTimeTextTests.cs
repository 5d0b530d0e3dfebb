using System.Globalization;
using Sahut.Data;

namespace Sahut.Tests.Data;

public sealed class SqliteDateTimeTextTests
{
    // The format Microsoft.Data.Sqlite writes a DateTime in (trailing fraction zeros dropped).
    private const string Written = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    [Theory]
    [InlineData(2026, 11, 24, 9, 30, 15, 0)]
    [InlineData(2026, 11, 24, 9, 30, 15, 1_234_567)]
    [InlineData(2026, 11, 24, 9, 30, 15, 5_000_000)]
    [InlineData(2026, 11, 24, 9, 30, 15, 10)]
    [InlineData(2024, 2, 29, 23, 59, 59, 9_999_999)]
    [InlineData(1, 1, 1, 0, 0, 0, 1)]
    public void Reads_back_what_Microsoft_Data_Sqlite_writes_as_DateTime_Parse_does(int year, int month, int day, int hour, int minute, int second, int ticks)
    {
        var written = new DateTime(year, month, day, hour, minute, second).AddTicks(ticks).ToString(Written, CultureInfo.InvariantCulture);

        Assert.True(SqliteDateTimeText.TryParse(written, out var read));
        Assert.Equal(DateTime.Parse(written, CultureInfo.InvariantCulture), read);
        Assert.Equal(DateTimeKind.Unspecified, read.Kind);
    }

    [Theory]
    [InlineData(2026, 11, 24, 9, 30, 15, 0)]
    [InlineData(2026, 11, 24, 9, 30, 15, 1_234_567)]
    [InlineData(2026, 11, 24, 9, 30, 15, 5_000_000)]
    [InlineData(2026, 11, 24, 9, 30, 15, 10)]
    [InlineData(2026, 11, 24, 9, 30, 15, 1)]
    [InlineData(2024, 2, 29, 23, 59, 59, 9_999_999)]
    [InlineData(1, 1, 1, 0, 0, 0, 0)]
    [InlineData(9999, 12, 31, 23, 59, 59, 9_999_990)]
    public void Writes_what_Microsoft_Data_Sqlite_writes(int year, int month, int day, int hour, int minute, int second, int ticks)
    {
        var value = new DateTime(year, month, day, hour, minute, second).AddTicks(ticks);
        Span<byte> text = stackalloc byte[SqliteDateTimeText.MaxLength];

        var written = SqliteDateTimeText.Format(value, text);

        Assert.Equal(value.ToString(Written, CultureInfo.InvariantCulture), System.Text.Encoding.ASCII.GetString(text[..written]));
    }

    [Theory]
    [InlineData("2026-11-24T09:30:15")]
    [InlineData("2026-11-24 09:30:15Z")]
    [InlineData("2026-11-24 09:30:15+07:00")]
    [InlineData("2026-11-24 09:30:15.")]
    [InlineData("2026-11-24 09:30:15.12345678")]
    [InlineData("2026-02-30 09:30:15")]
    [InlineData("2026-11-24 24:00:00")]
    [InlineData("2026-1a-24 09:30:15")]
    [InlineData("2026-11-24")]
    public void Leaves_any_other_text_to_the_general_parse(string text) =>
        Assert.False(SqliteDateTimeText.TryParse(text, out _));
}
