using System.Text.Json.Nodes;

namespace Sahut.Channels;

/// <summary>A connected channel as a plugin sees it: ids and its decrypted settings.</summary>
public sealed record ChannelContext(Guid WorkspaceId, Guid ChannelId, string Type, string Name, string WebhookKey, JsonObject Settings);
