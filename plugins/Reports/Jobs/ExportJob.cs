namespace Sahut.Plugins.Reports.Jobs;

/// <summary>An export too big to stream in the browser: written to a file in the background, downloaded when done.</summary>
public sealed class ExportJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid? RequestedBy { get; set; }
    public required string Dataset { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public Guid? ChannelId { get; set; }
    public Guid? AgentId { get; set; }
    public ExportJobStatus Status { get; set; }
    public long TotalRows { get; set; }
    public long RowsWritten { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public enum ExportJobStatus
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
}
