using System.Globalization;

namespace Sahut.Bench;

/// <summary>Percentiles over a sample of milliseconds.</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    public static string Summary(IReadOnlyList<double> values) =>
        $"p50 {Ms(Percentile(values, 50))}, p95 {Ms(Percentile(values, 95))}, p99 {Ms(Percentile(values, 99))}, max {Ms(values.Count == 0 ? double.NaN : values.Max())} (n={values.Count})";
}
