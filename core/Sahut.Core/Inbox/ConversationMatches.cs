using Sahut.Domain;

namespace Sahut.Inbox;

/// <summary>
/// What a search matched. <paramref name="FromFewContacts"/>: the query starts from a short list of contacts, so
/// sorting all their conversations is cheaper than walking the inbox in activity order.
/// </summary>
public sealed record ConversationMatches(IQueryable<Conversation> Conversations, bool FromFewContacts);
