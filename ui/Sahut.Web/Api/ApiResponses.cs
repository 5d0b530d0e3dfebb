using Sahut.Domain;

namespace Sahut.Web.Api;

public sealed record ChannelResponse(Guid Id, string Type, string Name, string State, string? StateReason, string? WebhookUrl, DateTime CreatedAt);

public sealed record MessageAccepted(Guid Id, Guid ConversationId, string Status);

public sealed record NoteResponse(Guid Id, Guid ConversationId, string Content, Guid AuthorId, DateTime CreatedAt);

internal static class ApiResponses
{
    public static MessageAccepted Accepted(Message message) =>
        new(message.Id, message.ConversationId, message.DeliveryStatus.ToString().ToLowerInvariant());
}
