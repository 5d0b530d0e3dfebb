namespace Sahut.Domain;

public sealed class Contact
{
    public Contact()
        : this(Guid.CreateVersion7())
    {
    }

    /// <summary>An existing row's instance: its id is read, not made (making one costs a read of the system's random source).</summary>
    public Contact(Guid id) => Id = id;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public string? Name { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<ContactIdentity> Identities { get; set; } = [];
}
