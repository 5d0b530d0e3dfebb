namespace Sahut.Domain;

/// <summary>How a contact is reached: an E.164 phone or a lower-case email address. Unique per workspace.</summary>
public sealed class ContactIdentity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid ContactId { get; set; }
    public required string Kind { get; set; }
    public required string Value { get; set; }
}
