using System.Threading.Channels;

namespace Sahut.Plugins.Reports.Jobs;

/// <summary>Ids of jobs waiting for the worker on this node.</summary>
public sealed class ExportJobQueue
{
    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid jobId) => queue.Writer.TryWrite(jobId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => queue.Reader.ReadAllAsync(cancellationToken);
}
