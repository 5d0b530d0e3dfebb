using Sahut.Work;

namespace Sahut.Outbox;

/// <summary>Wakes the outbox dispatcher when a message is queued.</summary>
public sealed class OutboxSignal : WorkSignal;
