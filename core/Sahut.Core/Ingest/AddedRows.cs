using Sahut.Domain;

namespace Sahut.Ingest;

/// <summary>
/// The rows an inbound batch creates. They stay out of EF's change tracker (adding, fixing up and detecting changes
/// on thousands of new entities was a third of the writer's time) and are inserted by <see cref="AddedRowsWriter"/>
/// with their final values; only rows that already existed are tracked and updated by <c>SaveChanges</c>.
/// </summary>
internal sealed class AddedRows
{
    private readonly HashSet<Guid> contactIds = [];

    public List<Contact> Contacts { get; } = [];

    public List<Conversation> Conversations { get; } = [];

    public List<Message> Messages { get; } = [];

    public void Add(Contact contact)
    {
        Contacts.Add(contact);
        contactIds.Add(contact.Id);
    }

    public bool IsNew(Contact contact) => contactIds.Contains(contact.Id);

    /// <summary>Each table's rows, parents before children as the foreign keys require.</summary>
    public IEnumerable<(Type Type, IReadOnlyList<object> Rows)> InInsertOrder()
    {
        yield return (typeof(Contact), Contacts);
        yield return (typeof(ContactIdentity), Contacts.SelectMany(c => c.Identities).ToList());
        yield return (typeof(Conversation), Conversations);
        yield return (typeof(Message), Messages);
        yield return (typeof(Attachment), Messages.SelectMany(m => m.Attachments).ToList());
    }
}
