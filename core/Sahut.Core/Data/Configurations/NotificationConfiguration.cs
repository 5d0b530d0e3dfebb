using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sahut.Domain;

namespace Sahut.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Kind).HasMaxLength(64);
        builder.HasIndex(n => new { n.UserId, n.WorkspaceId, n.CreatedAt });
    }
}
