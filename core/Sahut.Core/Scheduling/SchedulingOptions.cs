namespace Sahut.Scheduling;

/// <summary>The Quartz scheduler that runs plugins' scheduled tasks ("Sahut:Scheduling").</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Sahut:Scheduling";

    /// <summary>Off: no scheduler runs on this node (e.g. a node that only serves requests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How late a trigger may fire before it counts as misfired; misfired tasks fire once at start.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a PostgreSQL cluster node checks in; a node silent for longer has its jobs recovered by another.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);
}
