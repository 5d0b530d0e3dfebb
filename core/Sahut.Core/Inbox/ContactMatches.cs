using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Inbox;

/// <summary>
/// The contacts a search term matched: <paramref name="All"/> as a query of their ids to filter by; on SQLite, when
/// there are no more than <see cref="ContactSearch.FewLimit"/>, also <paramref name="Few"/>: their ids as a JSON array
/// of the stored text, for a list to start from (see <see cref="SqliteContactSql"/>).
/// </summary>
public sealed record ContactMatches(IQueryable<Guid> All, string? Few)
{
    /// <summary>
    /// The list starts from a short list of contacts, so sorting what they have is cheaper than walking the list in
    /// its own order.
    /// </summary>
    public bool AreFew => Few is not null;

    /// <summary>The matched contacts (of any workspace; the caller scopes).</summary>
    public IQueryable<Contact> Contacts(SahutDbContext db) =>
        Few is { } few ? db.Contacts.FromSqlRaw(SqliteContactSql.Contacts, few) : db.Contacts.Where(c => All.Contains(c.Id));

    /// <summary>The matched contacts' conversations (of any workspace; the caller scopes).</summary>
    public IQueryable<Conversation> Conversations(SahutDbContext db) =>
        Few is { } few ? db.Conversations.FromSqlRaw(SqliteContactSql.ConversationsOfContacts, few) : db.Conversations.Where(c => All.Contains(c.ContactId));
}
