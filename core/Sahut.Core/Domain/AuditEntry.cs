namespace Sahut.Domain;

public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid? UserId { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Data { get; set; }
    public DateTime CreatedAt { get; set; }
}
