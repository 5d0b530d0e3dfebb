namespace Sahut.Domain;

/// <summary>A shared saved reply, inserted in the reply box with <c>/shortcut</c>.</summary>
public sealed class CannedResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Shortcut { get; set; }
    public required string Content { get; set; }
    public DateTime CreatedAt { get; set; }
}
