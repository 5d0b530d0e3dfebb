using Autofac;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sahut.Exports;
using Sahut.Plugins.Reports.Exports;

namespace Sahut.Plugins.Reports.Jobs;

/// <summary>
/// Runs background exports one at a time (they are I/O-bound and share two cores with the inbox). Jobs left queued or
/// interrupted by a restart run again from the start; claiming with a conditional update keeps two nodes off one job.
/// </summary>
public sealed partial class ExportJobWorker(ILifetimeScope root, ExportJobQueue queue, ExportFiles files, ReportsOptions options, TimeProvider time, ILogger<ExportJobWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueUnfinishedAsync(stoppingToken);
        await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(jobId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed export must not stop the worker; the job records why.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex, jobId);
                await UpdateAsync(jobId, q => q.SetProperty(j => j.Status, ExportJobStatus.Failed).SetProperty(j => j.Error, ex.Message).SetProperty(j => j.CompletedAt, Now()), CancellationToken.None);
            }
        }
    }

    private async Task RequeueUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<ReportsDb>();
        await db.ExportJobs.Where(j => j.Status == ExportJobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportJobStatus.Queued).SetProperty(j => j.RowsWritten, 0L), cancellationToken);
        foreach (var id in await db.ExportJobs.Where(j => j.Status == ExportJobStatus.Queued).OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(cancellationToken))
        {
            queue.Enqueue(id);
        }
    }

    private async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<ReportsDb>();
        var claimed = await db.ExportJobs.Where(j => j.Id == jobId && j.Status == ExportJobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportJobStatus.Running), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var job = await db.ExportJobs.AsNoTracking().FirstAsync(j => j.Id == jobId, cancellationToken);
        var catalog = scope.Resolve<ExportCatalog>();
        var dataset = catalog.Find(job.Dataset) ?? throw new InvalidOperationException($"No dataset '{job.Dataset}'.");
        var request = new ExportRequest(job.WorkspaceId, job.From, job.To, job.ChannelId, job.AgentId);
        var path = files.PathOf(job);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".part";
        long written;
        await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            var rows = dataset.ReadRowsAsync(request, cancellationToken)
                .ReportingEvery(options.ProgressEveryRows, count => UpdateAsync(jobId, q => q.SetProperty(j => j.RowsWritten, count), cancellationToken), cancellationToken);
            written = await catalog.Format.WriteAsync(output, dataset.Columns, rows, cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
        await UpdateAsync(jobId, q => q.SetProperty(j => j.Status, ExportJobStatus.Done).SetProperty(j => j.RowsWritten, written)
            .SetProperty(j => j.TotalRows, written).SetProperty(j => j.CompletedAt, Now()), cancellationToken);
        LogDone(logger, jobId, job.Dataset, written);
    }

    // Progress goes through its own context: the dataset's connection is busy streaming rows.
    private async Task UpdateAsync(Guid jobId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ExportJob>> set, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        await scope.Resolve<ReportsDb>().ExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(set, cancellationToken);
    }

    private DateTime? Now() => time.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {JobId} ({Dataset}) wrote {Rows} rows")]
    private static partial void LogDone(ILogger logger, Guid jobId, string dataset, long rows);

    [LoggerMessage(Level = LogLevel.Error, Message = "Export {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);
}
