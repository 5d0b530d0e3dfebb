using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sahut.Domain;

namespace Sahut.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.HasIndex(c => new { c.WorkspaceId, c.CreatedAt });
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId);
        builder.HasMany(c => c.Identities).WithOne().HasForeignKey(i => i.ContactId);
    }
}
