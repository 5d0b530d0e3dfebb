using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sahut.Domain;

namespace Sahut.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("Conversations");
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Subject).HasMaxLength(500);
        builder.Property(c => c.ThreadKey).HasMaxLength(500);
        builder.Property(c => c.LastMessagePreview).HasMaxLength(200);
        // The inbox list: newest activity first, within a workspace, optionally by status / assignee / channel. Every
        // message rewrites its conversation's entry in each index holding LastMessageAt, so there are two: by status
        // (the list of all statuses merges one walk per status; AssigneeId is carried for "unassigned" to filter on)
        // and by assignee, holding assigned conversations only.
        builder.HasIndex(c => new { c.WorkspaceId, c.Status, c.LastMessageAt, c.AssigneeId });
        builder.HasIndex(c => new { c.WorkspaceId, c.AssigneeId, c.LastMessageAt }).HasFilter("\"AssigneeId\" IS NOT NULL");
        builder.HasIndex(c => new { c.WorkspaceId, c.CreatedAt });
        builder.HasIndex(c => new { c.ChannelId, c.ContactId, c.Status });
        builder.HasIndex(c => new { c.ChannelId, c.ThreadKey });
        builder.HasOne(c => c.Channel).WithMany().HasForeignKey(c => c.ChannelId);
        builder.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId);
    }
}
