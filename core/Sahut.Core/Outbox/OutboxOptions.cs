namespace Sahut.Outbox;

/// <summary>Outbox tuning, section "Sahut:Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Sahut:Outbox";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a node may hold an item while sending before another node may take it over.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxAttempts { get; set; } = 8;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);
}
