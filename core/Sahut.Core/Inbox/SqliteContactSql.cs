using Sahut.Channels;

namespace Sahut.Inbox;

/// <summary>
/// SQLite statements selecting a workspace's matching contact ids (column "Value", as EF's SqlQuery of scalars
/// expects; placeholders {0}, {1} … for <see cref="Parameters"/>), written by hand because they read the FTS5 index
/// of migration ContactSearch.
/// </summary>
internal sealed record SqliteContactSql(string Sql, object[] Parameters)
{
    /// <summary>
    /// Contacts whose name or any identity contains <paramref name="term"/> (three characters or more), any case:
    /// through the index, plus a scan of the terms <see cref="ContactSearchIndexer"/> has not indexed yet (the last second's).
    /// </summary>
    public static SqliteContactSql BySubstring(Guid workspaceId, string term) => new(
        """
        SELECT "ContactId" AS "Value" FROM "ContactSearch" WHERE "ContactSearch" MATCH {0} AND "WorkspaceId" = {1}
        UNION
        SELECT "ContactId" FROM "ContactSearchTerms"
        WHERE "Id" > (SELECT "IndexedUpTo" FROM "ContactSearchProgress") AND "WorkspaceId" = {1} AND "Term" LIKE {2} ESCAPE '\'
        """,
        // One FTS5 string: the term matches as a literal substring, whatever punctuation it holds.
        ["\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", workspaceId, "%" + LikeLiteral(term) + "%"]);

    private static string LikeLiteral(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Contacts with this E.164 phone.</summary>
    public static SqliteContactSql ByPhone(Guid workspaceId, string phone) => new(
        """SELECT "ContactId" AS "Value" FROM "ContactIdentities" WHERE "WorkspaceId" = {0} AND "Kind" = {1} AND "Value" = {2}""",
        [workspaceId, IdentityKinds.Phone, phone]);

    /// <summary>
    /// Every conversation of the contacts in the JSON array {0}, found through the contact index. Without CROSS JOIN
    /// and the LIMIT (which keeps SQLite from flattening this into the outer query) the planner prefers walking the
    /// whole inbox in activity order and probing each conversation, which is what made search slow.
    /// </summary>
    public const string ConversationsOfContacts =
        """SELECT c.* FROM json_each({0}) AS m CROSS JOIN "Conversations" AS c ON c."ContactId" = m."value" LIMIT -1""";

    /// <summary>The contacts in the JSON array {0}, by their primary key (CROSS JOIN and LIMIT as above).</summary>
    public const string Contacts =
        """SELECT c.* FROM json_each({0}) AS m CROSS JOIN "Contacts" AS c ON c."Id" = m."value" LIMIT -1""";
}
