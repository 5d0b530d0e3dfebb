namespace Sahut.Domain;

public sealed class Membership
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid UserId { get; set; }
    public WorkspaceRole Role { get; set; }
    public DateTime CreatedAt { get; set; }

    public Workspace? Workspace { get; set; }
    public SahutUser? User { get; set; }
}
