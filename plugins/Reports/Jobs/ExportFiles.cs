using Microsoft.Extensions.Configuration;

namespace Sahut.Plugins.Reports.Jobs;

/// <summary>Where background exports are written: exports/{workspace}/{job}.csv under the data directory.</summary>
public sealed class ExportFiles(IConfiguration configuration, ReportsOptions options)
{
    private string Root => Path.GetFullPath(options.FilesDir is { Length: > 0 } dir ? dir : Path.Combine(configuration["Sahut:DataDir"] is { Length: > 0 } data ? data : "data", "exports"));

    public string PathOf(ExportJob job) => Path.Combine(Root, job.WorkspaceId.ToString("N"), job.Id.ToString("N") + ".csv");
}
