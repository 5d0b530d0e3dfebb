namespace Sahut.Domain;

/// <summary>A workspace-scoped API token. Only its SHA-256 hash is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so people can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    public Guid? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
