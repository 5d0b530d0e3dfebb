namespace Sahut.Exports;

/// <summary>Writes a dataset's rows to a stream in one format (CSV first).</summary>
public interface IExportFormat
{
    /// <summary>File extension without dot, e.g. "csv".</summary>
    string Extension { get; }

    string ContentType { get; }

    Task<long> WriteAsync(Stream output, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken);
}
