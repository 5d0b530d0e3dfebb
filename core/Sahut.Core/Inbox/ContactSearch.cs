using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Phones;

namespace Sahut.Inbox;

/// <summary>
/// Finds a workspace's contacts by search term, for the inbox and the contacts list alike: contacts whose name or
/// identity (phone, email) contains the term, or whose phone is the term written as a whole number (08…, 62…, +62…).
/// Substrings use the trigram index of migration ContactSearch (SQLite FTS5, PostgreSQL pg_trgm); terms shorter than a
/// trigram fall back to a LIKE scan.
/// </summary>
public sealed class ContactSearch(SahutDbContext db, PhoneNumberNormalizer phones)
{
    /// <summary>
    /// Up to this many matching contacts a list is read starting from them and sorted; with more, walking the list in
    /// its own order finds a page of matches sooner.
    /// </summary>
    internal const int FewLimit = 500;

    private const int TrigramLength = 3;

    public async Task<ContactMatches> MatchingAsync(Guid workspaceId, string query, CancellationToken cancellationToken)
    {
        var term = query.Trim();
        var phone = term.Count(char.IsDigit) >= 9 && !term.Any(char.IsLetter) ? phones.Normalize(term) : null;
        if (db.Database.IsSqlite() && (phone is not null || term.Length >= TrigramLength))
        {
            var contacts = phone is not null ? SqliteContactSql.ByPhone(workspaceId, phone) : SqliteContactSql.BySubstring(workspaceId, term);
            var all = db.Database.SqlQueryRaw<Guid>(contacts.Sql, contacts.Parameters);
            // Read as stored (text), so they can be handed back to SQLite unchanged: when they are few, the list starts from
            // them and the index is not searched again; with more, the list filters by the query of all of them.
            var ids = await db.Database.SqlQueryRaw<string>(contacts.Sql, contacts.Parameters).Take(FewLimit + 1).ToListAsync(cancellationToken);
            return new ContactMatches(all, ids.Count <= FewLimit ? JsonSerializer.Serialize(ids) : null);
        }

        return new ContactMatches(MatchingContactIds(workspaceId, term, phone), Few: null);
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
