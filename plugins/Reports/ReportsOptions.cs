namespace Sahut.Plugins.Reports;

/// <summary>Bound from "Sahut:Reports".</summary>
public sealed class ReportsOptions
{
    public const string Section = "Sahut:Reports";

    /// <summary>Exports up to this many rows download in the browser directly (with a row counter); bigger ones run in the background.</summary>
    public long InteractiveRowLimit { get; set; } = 50_000;

    /// <summary>How often a background export records its progress.</summary>
    public int ProgressEveryRows { get; set; } = 2_000;

    /// <summary>Where finished background exports are kept; default "exports" under Sahut:DataDir.</summary>
    public string? FilesDir { get; set; }
}
