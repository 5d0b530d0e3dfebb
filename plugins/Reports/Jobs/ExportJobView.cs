namespace Sahut.Plugins.Reports.Jobs;

/// <summary>A background export as the page's progress bar polls it.</summary>
public sealed record ExportJobView(Guid Id, string Dataset, string Status, long TotalRows, long RowsWritten, int Percent, string? Error, DateTime CreatedAt)
{
    public static ExportJobView Of(ExportJob job) => new(
        job.Id,
        job.Dataset,
        job.Status.ToString().ToLowerInvariant(),
        job.TotalRows,
        job.RowsWritten,
        job.Status == ExportJobStatus.Done ? 100 : job.TotalRows <= 0 ? 0 : (int)Math.Min(99, job.RowsWritten * 100 / job.TotalRows),
        job.Error,
        job.CreatedAt);
}
