using System.Runtime.CompilerServices;

namespace Sahut.Plugins.Reports.Exports;

internal static class ProgressRows
{
    /// <summary>Passes rows through unchanged and reports the running count every <paramref name="every"/> rows.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<string?>> ReportingEvery(
        this IAsyncEnumerable<IReadOnlyList<string?>> rows, int every, Func<long, Task> report, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
            count++;
            if (count % every == 0)
            {
                await report(count);
            }
        }
    }
}
