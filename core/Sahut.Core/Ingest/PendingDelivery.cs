using Sahut.Channels;

namespace Sahut.Ingest;

/// <summary>
/// One request's events waiting for the group commit, and the request waiting for them. <paramref name="Phones"/>
/// holds each message sender read as a phone identity (<see cref="SenderPhones"/>).
/// </summary>
internal sealed record PendingDelivery(Guid ChannelId, IReadOnlyList<InboundEvent> Events, string?[] Phones)
{
    public TaskCompletionSource<InboundResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
