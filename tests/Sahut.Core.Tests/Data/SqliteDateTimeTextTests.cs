using System.Globalization;
using Sahut.Data;

namespace Sahut.Tests.Data;

public sealed class SqliteDateTimeTextTests
{
    // The format Microsoft.Data.Sqlite writes a DateTime in (trailing fraction zeros dropped).
    private const string Written = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    public static TheoryData<DateTime> Dates =>
    [
        new DateTime(2026, 11, 24, 9, 30, 15),
        new DateTime(2026, 11, 24, 9, 30, 15).AddTicks(1_234_567),
        new DateTime(2026, 11, 24, 9, 30, 15).AddTicks(5_000_000),
        new DateTime(2026, 11, 24, 9, 30, 15).AddTicks(10),
        new DateTime(2026, 11, 24, 9, 30, 15).AddTicks(1),
        new DateTime(2024, 2, 29, 23, 59, 59).AddTicks(9_999_999),
        new DateTime(1, 1, 1, 0, 0, 0).AddTicks(1),
        new DateTime(1, 1, 1, 0, 0, 0),
        new DateTime(9999, 12, 31, 23, 59, 59).AddTicks(9_999_990),
    ];

    [Theory]
    [MemberData(nameof(Dates))]
    public void Reads_back_what_Microsoft_Data_Sqlite_writes_as_DateTime_Parse_does(DateTime value)
    {
        var written = value.ToString(Written, CultureInfo.InvariantCulture);

        Assert.True(SqliteDateTimeText.TryParse(written, out var read));
        Assert.Equal(DateTime.Parse(written, CultureInfo.InvariantCulture), read);
        Assert.Equal(DateTimeKind.Unspecified, read.Kind);
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Writes_what_Microsoft_Data_Sqlite_writes(DateTime value)
    {
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
