using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sahut.Domain;

namespace Sahut.Data.Configurations;

internal sealed class OutboxItemConfiguration : IEntityTypeConfiguration<OutboxItem>
{
    public void Configure(EntityTypeBuilder<OutboxItem> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(o => new { o.State, o.NextAttemptAt });
        builder.HasIndex(o => o.MessageId).IsUnique();
    }
}
