namespace Sahut.Plugins.WhatsApp.Data;

/// <summary>One synced template of a channel's account (references the core channel by id).</summary>
public sealed class WhatsAppTemplate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChannelId { get; set; }
    public required string Name { get; set; }
    public required string Language { get; set; }
    public required string Status { get; set; }
    public string? Category { get; set; }
    public required string ParameterFormat { get; set; }
    public string? ProviderTemplateId { get; set; }
    public required string ComponentsJson { get; set; }
    public DateTime SyncedAt { get; set; }
}
