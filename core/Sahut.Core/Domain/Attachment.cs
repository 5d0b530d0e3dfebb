namespace Sahut.Domain;

/// <summary>A file on a message. <see cref="StoragePath"/> is relative to the data directory; null until downloaded.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid MessageId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long? Size { get; set; }
    public string? ProviderMediaId { get; set; }
    public string? StoragePath { get; set; }

    public int DownloadAttempts { get; set; }

    /// <summary>When the next download attempt is due; also the claim while one is running.</summary>
    public DateTime? NextDownloadAt { get; set; }

    public string? DownloadError { get; set; }
}
