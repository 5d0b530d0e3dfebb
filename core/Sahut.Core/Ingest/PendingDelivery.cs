using Sahut.Channels;

namespace Sahut.Ingest;

/// <summary>One request's events waiting for the group commit, and the request waiting for them.</summary>
internal sealed record PendingDelivery(Guid ChannelId, IReadOnlyList<InboundEvent> Events)
{
    public TaskCompletionSource<InboundResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
