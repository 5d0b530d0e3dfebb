using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Phones;

namespace Sahut.Inbox;

/// <summary>
/// The inbox search: conversations whose contact's name or identity (phone, email) contains the term, or whose
/// phone is the term written as a whole number (08…, 62…, +62…). Substrings use the trigram index of migration
/// ContactSearch (SQLite FTS5, PostgreSQL pg_trgm); terms shorter than a trigram fall back to a LIKE scan.
/// </summary>
public sealed class ConversationSearch(SahutDbContext db, PhoneNumberNormalizer phones)
{
    /// <summary>
    /// Up to this many matching contacts the list is read through their conversations and sorted; with more, walking
    /// the inbox in activity order finds a page of matches sooner.
    /// </summary>
    internal const int ContactDrivenLimit = 500;

    private const int TrigramLength = 3;

    /// <summary>The conversations (of any workspace; the caller scopes) the term matches.</summary>
    public async Task<ConversationMatches> MatchingAsync(Guid workspaceId, string query, CancellationToken cancellationToken)
    {
        var term = query.Trim();
        var phone = term.Count(char.IsDigit) >= 9 && !term.Any(char.IsLetter) ? phones.Normalize(term) : null;
        if (db.Database.IsSqlite() && (phone is not null || term.Length >= TrigramLength))
        {
            var contacts = phone is not null ? SqliteContactSql.ByPhone(workspaceId, phone) : SqliteContactSql.BySubstring(workspaceId, term);
            // Read as stored (text), so they can be handed back to SQLite unchanged; the index is searched only once.
            var ids = await db.Database.SqlQueryRaw<string>(contacts.Sql, contacts.Parameters).Take(ContactDrivenLimit + 1).ToListAsync(cancellationToken);
            if (ids.Count <= ContactDrivenLimit)
            {
                return new ConversationMatches(db.Conversations.FromSqlRaw(SqliteContactSql.ConversationsOfContacts, JsonSerializer.Serialize(ids)), FromFewContacts: true);
            }

            var contactIds = db.Database.SqlQueryRaw<Guid>(contacts.Sql, contacts.Parameters);
            return new ConversationMatches(db.Conversations.Where(c => contactIds.Contains(c.ContactId)), FromFewContacts: false);
        }

        return new ConversationMatches(db.Conversations.Where(c => MatchingContactIds(workspaceId, term, phone).Contains(c.ContactId)), FromFewContacts: false);
    }

    /// <summary>LINQ form: on PostgreSQL the pg_trgm indexes serve it; on SQLite it is the short-term fallback.</summary>
    private IQueryable<Guid> MatchingContactIds(Guid workspaceId, string term, string? phone)
    {
        if (phone is not null)
        {
            return db.ContactIdentities.Where(i => i.WorkspaceId == workspaceId && i.Kind == IdentityKinds.Phone && i.Value == phone).Select(i => i.ContactId);
        }

        var pattern = $"%{term.ToLowerInvariant()}%";
        return db.ContactIdentities
            .Where(i => i.WorkspaceId == workspaceId && EF.Functions.Like(i.Value, pattern))
            .Select(i => i.ContactId)
            .Union(db.Contacts.Where(c => c.WorkspaceId == workspaceId && c.Name != null && EF.Functions.Like(c.Name.ToLower(), pattern)).Select(c => c.Id));
    }
}
