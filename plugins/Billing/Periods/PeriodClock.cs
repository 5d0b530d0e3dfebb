namespace Sahut.Plugins.Billing.Periods;

/// <summary>Period arithmetic: monthly periods, days left, prorating.</summary>
public static class PeriodClock
{
    public static DateTime EndOf(DateTime start) => start.AddMonths(1);

    /// <summary>Whole days left, rounded up (a period ending in 3 hours has 1 day left).</summary>
    public static int DaysLeft(DateTime end, DateTime now) => end <= now ? 0 : (int)Math.Ceiling((end - now).TotalDays);

    /// <summary>The share of a price for what is left of the period, in whole rupiah.</summary>
    public static long Prorate(long amount, DateTime start, DateTime end, DateTime now)
    {
        if (now >= end)
        {
            return 0;
        }

        var remaining = (end - (now < start ? start : now)).Ticks / (double)(end - start).Ticks;
        return (long)Math.Round(amount * remaining, MidpointRounding.AwayFromZero);
    }

    public static DateTime Now(this TimeProvider time) => time.GetUtcNow().UtcDateTime;
}
