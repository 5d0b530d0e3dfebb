namespace Sahut.Domain;

public sealed class Label
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }

    /// <summary>A CSS colour like #1f8f4e.</summary>
    public string Color { get; set; } = "#5b6776";
}
