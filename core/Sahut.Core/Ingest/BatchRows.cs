using Sahut.Domain;

namespace Sahut.Ingest;

/// <summary>
/// The rows an inbound batch creates and the existing rows it changes. None of them is in EF's change tracker
/// (tracking, fixing up and detecting changes was a third of the writer's time): new rows are inserted with their
/// final values, changed rows get an UPDATE of exactly the columns the writer may change.
/// </summary>
internal sealed class BatchRows
{
    private static readonly string[] ContactColumns = [nameof(Contact.Name)];

    // SQLite rewrites every index holding a column the UPDATE sets, changed or not: the status (in two indexes) is set
    // only for the conversations a message reopened.
    private static readonly string[] ConversationColumns =
    [
        nameof(Conversation.MessagesIn), nameof(Conversation.LastInboundAt), nameof(Conversation.LastMessageAt), nameof(Conversation.LastMessagePreview),
    ];

    private static readonly string[] ReopenedConversationColumns = [nameof(Conversation.Status), nameof(Conversation.ResolvedAt), .. ConversationColumns];

    private static readonly string[] MessageStatusColumns =
    [
        nameof(Message.DeliveryStatus), nameof(Message.StatusAt), nameof(Message.FailureCode), nameof(Message.FailureReason),
    ];

    private readonly HashSet<object> added = new(ReferenceEqualityComparer.Instance);
    private readonly List<Contact> contacts = [];
    private readonly List<Conversation> conversations = [];
    private readonly List<Message> messages = [];
    private readonly HashSet<Contact> renamedContacts = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Conversation> changedConversations = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Conversation> reopenedConversations = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Message> changedMessages = new(ReferenceEqualityComparer.Instance);

    public void Add(Contact contact) => Add(contacts, contact);

    public void Add(Conversation conversation) => Add(conversations, conversation);

    public void Add(Message message) => Add(messages, message);

    public bool IsNew(object row) => added.Contains(row);

    public void Renamed(Contact contact) => ChangedIfExisting(renamedContacts, contact);

    public void Changed(Conversation conversation) => ChangedIfExisting(changedConversations, conversation);

    public void Reopened(Conversation conversation) => ChangedIfExisting(reopenedConversations, conversation);

    public void Changed(Message message) => ChangedIfExisting(changedMessages, message);

    /// <summary>Parents are inserted before children, as the foreign keys require; then existing rows are updated.</summary>
    public async Task WriteAsync(RowWriter writer, CancellationToken cancellationToken)
    {
        await writer.InsertAsync(typeof(Contact), contacts, cancellationToken);
        await writer.InsertAsync(typeof(ContactIdentity), contacts.SelectMany(c => c.Identities).ToList(), cancellationToken);
        await writer.InsertAsync(typeof(Conversation), conversations, cancellationToken);
        await writer.InsertAsync(typeof(Message), messages, cancellationToken);
        await writer.InsertAsync(typeof(Attachment), messages.SelectMany(m => m.Attachments).ToList(), cancellationToken);
        await writer.UpdateAsync(typeof(Contact), ContactColumns, renamedContacts.ToList(), cancellationToken);
        await writer.UpdateAsync(typeof(Conversation), ReopenedConversationColumns, reopenedConversations.ToList(), cancellationToken);
        await writer.UpdateAsync(typeof(Conversation), ConversationColumns, changedConversations.Except(reopenedConversations).ToList(), cancellationToken);
        await writer.UpdateAsync(typeof(Message), MessageStatusColumns, changedMessages.ToList(), cancellationToken);
    }

    private void Add<T>(List<T> rows, T row)
        where T : class
    {
        rows.Add(row);
        added.Add(row);
    }

    // A row created in this batch is inserted with its final values; only rows that existed need an UPDATE.
    private void ChangedIfExisting<T>(HashSet<T> changed, T row)
        where T : class
    {
        if (!added.Contains(row))
        {
            changed.Add(row);
        }
    }
}
