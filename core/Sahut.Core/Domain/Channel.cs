namespace Sahut.Domain;

/// <summary>A connected channel. Settings are encrypted with ASP.NET Data Protection; disconnecting keeps history.</summary>
public sealed class Channel
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Type { get; set; }
    public required string Name { get; set; }
    public required string EncryptedSettings { get; set; }
    public required string WebhookKey { get; set; }
    public ChannelState State { get; set; }
    public string? StateReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DisconnectedAt { get; set; }
}
