using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sahut.Domain;

namespace Sahut.Data.Configurations;

internal sealed class ContactIdentityConfiguration : IEntityTypeConfiguration<ContactIdentity>
{
    public void Configure(EntityTypeBuilder<ContactIdentity> builder)
    {
        builder.ToTable("ContactIdentities");
        builder.HasIndex(i => new { i.WorkspaceId, i.Kind, i.Value }).IsUnique();
        builder.HasIndex(i => i.ContactId);
        builder.Property(i => i.Kind).HasMaxLength(16);
        builder.Property(i => i.Value).HasMaxLength(320);
    }
}
