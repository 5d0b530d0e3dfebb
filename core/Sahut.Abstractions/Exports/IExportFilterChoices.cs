namespace Sahut.Exports;

/// <summary>What an export form offers to filter on in a workspace: its time zone, channels and agents.</summary>
public interface IExportFilterChoices
{
    Task<ExportFilterChoices> GetAsync(Guid workspaceId, CancellationToken cancellationToken);
}

/// <param name="TimeZoneId">The workspace's IANA time zone, in which export dates are days.</param>
public sealed record ExportFilterChoices(string TimeZoneId, IReadOnlyList<ExportChoice> Channels, IReadOnlyList<ExportChoice> Agents);

public sealed record ExportChoice(Guid Id, string Name);
