using Sahut.Domain;
using Sahut.Errors;
using Sahut.Inbox;
using Sahut.Web.Security;

namespace Sahut.Web.Api;

internal static class ConversationEndpoints
{
    public static void MapConversationEndpoints(this RouteGroupBuilder workspace)
    {
        var conversations = workspace.MapGroup("/conversations").WithTags("Conversations");
        conversations.MapGet("/", async (WorkspaceCaller caller, string? status, string? assignee, Guid? channelId, string? q, int? page, Guid? labelId, ConversationQueries queries, CancellationToken ct) =>
        {
            var parsedStatus = string.IsNullOrEmpty(status) ? (ConversationStatus?)null : new StatusRequest(status).Parse();
            if (assignee == "me" && caller.UserId is null)
            {
                throw InputValidationException.For("assignee", "'me' needs a signed-in user; API tokens pass a user id.");
            }

            return await queries.ListAsync(caller.WorkspaceId, caller.UserId, new ConversationFilter(parsedStatus, assignee, channelId, q, page ?? 1, labelId), ct);
        });
        conversations.MapGet("/{id:guid}", async (WorkspaceCaller caller, Guid id, ConversationQueries queries, CancellationToken ct) =>
            await queries.GetAsync(caller.WorkspaceId, id, ct));
        conversations.MapGet("/{id:guid}/messages", async (WorkspaceCaller caller, Guid id, ConversationQueries queries, CancellationToken ct) =>
            await queries.TimelineAsync(caller.WorkspaceId, id, ct));
        conversations.MapPost("/{id:guid}/messages", async (WorkspaceCaller caller, Guid id, PostMessageRequest request, ConversationCommands commands, CancellationToken ct) =>
        {
            if (request.Private == true)
            {
                var author = caller.UserId ?? throw new ForbiddenException("Notes need a signed-in author; API tokens cannot write notes.");
                var note = await commands.AddNoteAsync(caller.WorkspaceId, id, author, request.Content ?? "", ct);
                return Results.Created((string?)null, new NoteResponse(note.Id, note.ConversationId, note.Body, note.AuthorId, note.CreatedAt));
            }

            var message = await commands.ReplyAsync(caller.WorkspaceId, id, caller.UserId, request.ToReply(), ct);
            return Results.Accepted((string?)null, ApiResponses.Accepted(message));
        });
        conversations.MapPost("/{id:guid}/assignment", async (WorkspaceCaller caller, Guid id, AssignmentRequest request, ConversationCommands commands, CancellationToken ct) =>
        {
            await commands.AssignAsync(caller.WorkspaceId, id, request.AssigneeId, ct);
            return Results.NoContent();
        });
        conversations.MapPost("/{id:guid}/status", async (WorkspaceCaller caller, Guid id, StatusRequest request, ConversationCommands commands, CancellationToken ct) =>
        {
            await commands.SetStatusAsync(caller.WorkspaceId, id, request.Parse(), ct);
            return Results.NoContent();
        });

        workspace.MapPost("/messages", async (WorkspaceCaller caller, SendMessageRequest request, ConversationCommands commands, CancellationToken ct) =>
        {
            if (request.ChannelId is not { } channelId || string.IsNullOrWhiteSpace(request.To))
            {
                throw InputValidationException.For(request.ChannelId is null ? "channelId" : "to", "channelId and to are required.");
            }

            var (_, message) = await commands.SendToAsync(caller.WorkspaceId, channelId, request.To, caller.UserId, request.ToReply(), ct);
            return Results.Accepted((string?)null, ApiResponses.Accepted(message));
        }).WithTags("Messages");
    }
}
