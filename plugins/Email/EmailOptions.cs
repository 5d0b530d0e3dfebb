namespace Sahut.Plugins.Email;

/// <summary>Email plugin tuning, bound from configuration section "Sahut:Email".</summary>
public sealed class EmailOptions
{
    public const string Section = "Sahut:Email";

    /// <summary>How often the receiver looks for email channels connected or disconnected since.</summary>
    public TimeSpan ChannelRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>IDLE is restarted this often: servers drop idling clients after about 30 minutes (RFC 2177).</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>How often a server without IDLE is polled.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan FirstReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages fetched and handed to the inbox per round trip; the checkpoint advances after each batch.</summary>
    public int FetchBatchSize { get; set; } = 50;

    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Check IMAP and SMTP login when a channel is connected.</summary>
    public bool VerifyLoginOnConnect { get; set; } = true;

    /// <summary>Raw bytes kept with a quarantined message so an admin can inspect it.</summary>
    public int QuarantineMaxBytes { get; set; } = 1024 * 1024;
}
