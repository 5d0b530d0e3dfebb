namespace Sahut;

internal static class Clock
{
    /// <summary>UTC now as a DateTime (what the database stores).</summary>
    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;
}
