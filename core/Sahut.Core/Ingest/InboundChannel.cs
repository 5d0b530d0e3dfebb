namespace Sahut.Ingest;

/// <summary>What the inbound writer needs of a channel.</summary>
internal sealed record InboundChannel(Guid Id, Guid WorkspaceId, string Type);
