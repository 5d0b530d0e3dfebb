namespace Sahut.Plugins.Reports.Dashboard;

/// <summary>Percentiles by linear interpolation between closest ranks (Excel's PERCENTILE.INC), so p50 is the usual median.</summary>
public static class Percentile
{
    public static double? Of(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var rank = p * (values.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return values[lower] + ((values[upper] - values[lower]) * (rank - lower));
    }
}
