namespace Sahut.Domain;

public sealed class Workspace
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string TimeZone { get; set; } = "Asia/Jakarta";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
