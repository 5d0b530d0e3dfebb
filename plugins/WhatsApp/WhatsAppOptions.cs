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
}
