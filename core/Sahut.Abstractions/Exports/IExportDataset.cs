namespace Sahut.Exports;

/// <summary>A named dataset that can be exported as rows (e.g. "conversations", "contacts").</summary>
public interface IExportDataset
{
    string Key { get; }

    IReadOnlyList<string> Columns { get; }

    /// <summary>Streams rows in column order; values are already formatted for the workspace (time zone etc.).</summary>
    IAsyncEnumerable<IReadOnlyList<string?>> ReadRowsAsync(ExportRequest request, CancellationToken cancellationToken);
}

/// <summary>Filters of an export; dates are inclusive days in the workspace time zone.</summary>
public sealed record ExportRequest(Guid WorkspaceId, DateOnly? From, DateOnly? To, Guid? ChannelId, Guid? AgentId);
