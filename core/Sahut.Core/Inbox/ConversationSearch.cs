using Microsoft.EntityFrameworkCore;
using Sahut.Data;

namespace Sahut.Inbox;

/// <summary>The inbox search: conversations of the contacts <see cref="ContactSearch"/> finds.</summary>
public sealed class ConversationSearch(SahutDbContext db, ContactSearch contacts)
{
    /// <summary>The conversations (of any workspace; the caller scopes) the term matches.</summary>
    public async Task<ConversationMatches> MatchingAsync(Guid workspaceId, string query, CancellationToken cancellationToken)
    {
        var matches = await contacts.MatchingAsync(workspaceId, query, cancellationToken);
        return matches.Few is { } few
            ? new ConversationMatches(db.Conversations.FromSqlRaw(SqliteContactSql.ConversationsOfContacts, few), FromFewContacts: true)
            : new ConversationMatches(db.Conversations.Where(c => matches.All.Contains(c.ContactId)), FromFewContacts: false);
    }
}
