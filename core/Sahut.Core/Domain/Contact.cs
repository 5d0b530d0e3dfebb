namespace Sahut.Domain;

public sealed class Contact
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public string? Name { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<ContactIdentity> Identities { get; set; } = [];
}
