using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sahut.Domain;

namespace Sahut.Data.Configurations;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.ToTable("Notes");
        builder.HasIndex(n => new { n.ConversationId, n.CreatedAt });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(n => n.ConversationId);
    }
}
