namespace Sahut.Inbox;

/// <summary>
/// The contacts a search term matched: <paramref name="All"/> as a query of their ids to filter by; on SQLite, when
/// there are no more than <see cref="ContactSearch.FewLimit"/>, also <paramref name="Few"/>: their ids as a JSON array
/// of the stored text, for a list to start from (see <see cref="SqliteContactSql"/>).
/// </summary>
public sealed record ContactMatches(IQueryable<Guid> All, string? Few);
