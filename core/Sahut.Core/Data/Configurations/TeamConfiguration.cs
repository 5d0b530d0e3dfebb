using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sahut.Domain;

namespace Sahut.Data.Configurations;

internal sealed class ReplyLeaseConfiguration : IEntityTypeConfiguration<ReplyLease>
{
    public void Configure(EntityTypeBuilder<ReplyLease> builder)
    {
        builder.ToTable("ReplyLeases");
        builder.HasKey(l => l.ConversationId);
    }
}

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<CannedResponse> builder)
    {
        builder.ToTable("CannedResponses");
        builder.Property(c => c.Shortcut).HasMaxLength(64);
        builder.HasIndex(c => new { c.WorkspaceId, c.Shortcut }).IsUnique();
    }
}

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        builder.ToTable("Labels");
        builder.Property(l => l.Name).HasMaxLength(64);
        builder.Property(l => l.Color).HasMaxLength(16);
        builder.HasIndex(l => new { l.WorkspaceId, l.Name }).IsUnique();
    }
}

internal sealed class ConversationLabelConfiguration : IEntityTypeConfiguration<ConversationLabel>
{
    public void Configure(EntityTypeBuilder<ConversationLabel> builder)
    {
        builder.ToTable("ConversationLabels");
        builder.HasKey(l => new { l.ConversationId, l.LabelId });
        builder.HasIndex(l => new { l.WorkspaceId, l.LabelId });
    }
}
