using System.Text.RegularExpressions;

namespace Sahut.Plugins.Reports.Csv;

/// <summary>
/// Neutralises cells a spreadsheet would run as a formula (leading = + - @ tab or CR) by prefixing an apostrophe,
/// as OWASP recommends. A plain number such as an E.164 phone (+6281…) or -5 is data, not a formula, and stays as is.
/// </summary>
public static partial class FormulaGuard
{
    private const string Triggers = "=+-@\t\r";

    public static string? Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value) || !Triggers.Contains(value[0], StringComparison.Ordinal) || PlainNumber().IsMatch(value))
        {
            return value;
        }

        return "'" + value;
    }

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
