namespace Sahut.Team;

/// <summary>Section "Sahut:Team".</summary>
public sealed class TeamOptions
{
    public const string Section = "Sahut:Team";

    /// <summary>How long a reply lease lasts without renewal; the browser renews it while the agent types.</summary>
    public TimeSpan ReplyLease { get; set; } = TimeSpan.FromSeconds(15);
}
