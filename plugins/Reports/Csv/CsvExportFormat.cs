using CsvHelper;
using Sahut.Exports;

namespace Sahut.Plugins.Reports.Csv;

/// <summary>
/// CSV as DESIGN §4 fixes it: UTF-8 with BOM (Excel then reads Indonesian text right), RFC 4180 quoting and CRLF
/// line ends, formula injection neutralised. Rows are written as they arrive and flushed asynchronously whenever the
/// writer's buffer fills, so memory stays flat however many rows there are.
/// </summary>
public sealed class CsvExportFormat : IExportFormat
{
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeeded,
        // FormulaGuard neutralises instead: CsvHelper's own escaping would also change plain numbers such as +6281….
        Injection = CsvInjection.None,
    };

    public string Extension => "csv";

    public string ContentType => "text/csv; charset=utf-8";

    public async Task<long> WriteAsync(Stream output, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(cancellationToken);
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in row)
            {
                csv.WriteField(FormulaGuard.Neutralise(cell));
            }

            await csv.EndRecordAsync(cancellationToken);
            count++;
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }
}
