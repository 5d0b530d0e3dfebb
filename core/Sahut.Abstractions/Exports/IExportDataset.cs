namespace Sahut.Exports;

/// <summary>A named dataset that can be exported as rows (e.g. "conversations", "contacts").</summary>
public interface IExportDataset
{
    string Key { get; }

    IReadOnlyList<string> Columns { get; }

    /// <summary>How many rows <see cref="ReadRowsAsync"/> would yield now; lets a UI show progress and pick a background export.</summary>
    Task<long> CountRowsAsync(ExportRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Streams rows in column order without buffering them; values are already formatted for the workspace
    /// (timestamps ISO 8601 in its time zone, numbers invariant).
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<string?>> ReadRowsAsync(ExportRequest request, CancellationToken cancellationToken);
}

/// <summary>Filters of an export; dates are inclusive days in the workspace time zone.</summary>
public sealed record ExportRequest(Guid WorkspaceId, DateOnly? From, DateOnly? To, Guid? ChannelId, Guid? AgentId);
