namespace Sahut.Web.Realtime;

/// <summary>How long a reply lease has left, in server time: browsers count down from it instead of comparing clocks.</summary>
internal static class LeaseClock
{
    public static long MillisecondsLeft(DateTime expiresAt, TimeProvider time) =>
        Math.Max(0, (long)(expiresAt - time.GetUtcNow().UtcDateTime).TotalMilliseconds);
}
