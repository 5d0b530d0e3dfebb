using Microsoft.AspNetCore.Identity;

namespace Sahut.Domain;

public sealed class SahutUser : IdentityUser<Guid>
{
    public SahutUser() => Id = Guid.CreateVersion7();

    public string? DisplayName { get; set; }

    /// <summary>UI language ("id" or "en"); null follows the default.</summary>
    public string? Language { get; set; }

    /// <summary>The workspace the user last switched to.</summary>
    public Guid? LastWorkspaceId { get; set; }

    public DateTime CreatedAt { get; set; }
}
