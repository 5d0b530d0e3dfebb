namespace Sahut.Domain;

public sealed class ConversationLabel
{
    public Guid ConversationId { get; set; }
    public Guid LabelId { get; set; }
    public Guid WorkspaceId { get; set; }
}
