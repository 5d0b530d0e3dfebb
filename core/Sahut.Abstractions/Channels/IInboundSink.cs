namespace Sahut.Channels;

/// <summary>
/// Where channels hand what they received. Returns once every event is durably stored (or recognised as a repeat),
/// so a webhook may acknowledge its sender as soon as this completes.
/// </summary>
public interface IInboundSink
{
    Task<InboundResult> AcceptAsync(Guid channelId, IReadOnlyList<InboundEvent> events, CancellationToken cancellationToken);
}

/// <summary>How many events were new and how many were repeats of ones already stored.</summary>
public sealed record InboundResult(int Stored, int Duplicates);
