using Microsoft.EntityFrameworkCore;
using Sahut.Plugins.Reports.Exports;

namespace Sahut.Plugins.Reports.Jobs;

/// <summary>Starts background exports and answers what became of them, always within one workspace.</summary>
public sealed class ExportJobService(ReportsDb db, ExportJobQueue queue, TimeProvider time)
{
    public async Task<ExportJob> StartAsync(Guid workspaceId, Guid? requestedBy, string dataset, ExportFilters filters, long totalRows, CancellationToken cancellationToken)
    {
        var job = new ExportJob
        {
            WorkspaceId = workspaceId,
            RequestedBy = requestedBy,
            Dataset = dataset,
            From = filters.From,
            To = filters.To,
            ChannelId = filters.ChannelId,
            AgentId = filters.AgentId,
            TotalRows = totalRows,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        queue.Enqueue(job.Id);
        return job;
    }

    public Task<ExportJob?> FindAsync(Guid workspaceId, Guid jobId, CancellationToken cancellationToken) =>
        db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.WorkspaceId == workspaceId && j.Id == jobId, cancellationToken);

    public Task<List<ExportJob>> RecentAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        db.ExportJobs.AsNoTracking().Where(j => j.WorkspaceId == workspaceId)
            .OrderByDescending(j => j.CreatedAt).Take(10)
            .ToListAsync(cancellationToken);
}
