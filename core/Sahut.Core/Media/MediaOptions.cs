namespace Sahut.Media;

/// <summary>Media download tuning, section "Sahut:Media".</summary>
public sealed class MediaOptions
{
    public const string Section = "Sahut:Media";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxAttempts { get; set; } = 10;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one download may hold its claim.</summary>
    public TimeSpan DownloadLease { get; set; } = TimeSpan.FromMinutes(5);
}
