using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sahut.Domain;

namespace Sahut.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages");
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.Kind).HasMaxLength(32);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(256);
        builder.Property(m => m.FailureCode).HasMaxLength(64);
        // Repeats of one provider message are no-ops: the unique index makes a second insert fail.
        builder.HasIndex(m => new { m.ChannelId, m.ProviderMessageId }).IsUnique();
        builder.HasIndex(m => new { m.ConversationId, m.CreatedAt });
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId);
    }
}
