namespace Sahut.Plugins.WhatsApp;

/// <summary>Plugin-wide settings bound from the "Sahut:WhatsApp" configuration section.</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "Sahut:WhatsApp";

    /// <summary>How long one provider call may take before it counts as a (retryable) timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When templates are re-synced from every channel's account (Quartz cron, seconds first, UTC).</summary>
    public string TemplateSyncCron { get; set; } = "0 17 * * * ?";

    /// <summary>Largest webhook body accepted; Meta documents 3 MB.</summary>
    public int MaxWebhookBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// After a Qontak template (direct broadcast) is sent, how soon its broadcast log is first asked for the WhatsApp
    /// message id; each further try waits twice as long, up to <see cref="QontakLogMaxDelay"/>.
    /// </summary>
    public TimeSpan QontakLogFirstCheck { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan QontakLogMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the broadcast log is asked before the message keeps its "sent" tick for good.</summary>
    public int QontakLogAttempts { get; set; } = 15;

    /// <summary>How often each node looks for broadcast logs that are due (a send on this node wakes it at once).</summary>
    public TimeSpan QontakLogPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
