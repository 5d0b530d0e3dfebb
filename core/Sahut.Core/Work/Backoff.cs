namespace Sahut.Work;

/// <summary>Exponential backoff: first, 2×first, 4×first … capped.</summary>
public static class Backoff
{
    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan max) =>
        TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));
}
