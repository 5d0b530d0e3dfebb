using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sahut.Domain;

namespace Sahut.Data.Configurations;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.ToTable("Channels");
        builder.HasIndex(c => c.WebhookKey).IsUnique();
        builder.HasIndex(c => c.WorkspaceId);
        builder.Property(c => c.Type).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.WebhookKey).HasMaxLength(64);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(24);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId);
    }
}
