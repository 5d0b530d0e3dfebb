using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Errors;
using Sahut.Team;
using Sahut.Web.Security;

namespace Sahut.Web.Api;

/// <summary>
/// The reply lease for API clients signed in as an agent (DESIGN §5): POST takes or renews it (409 while someone
/// else holds it), DELETE lets it go, GET shows who holds it. API tokens act as no agent and cannot hold it.
/// </summary>
internal static class ReplyLeaseEndpoints
{
    public static void MapReplyLeaseEndpoints(this RouteGroupBuilder workspace)
    {
        var lease = workspace.MapGroup("/conversations/{id:guid}/lease").WithTags("Conversations");
        lease.MapGet("/", async (WorkspaceCaller caller, Guid id, ReplyLeaseService leases, SahutDbContext db, CancellationToken ct) =>
        {
            await EnsureConversationAsync(db, caller, id, ct);
            return await leases.CurrentAsync(id, ct) is { } current ? Results.Ok(await ResponseAsync(db, current, ct)) : Results.NoContent();
        });
        lease.MapPost("/", async (WorkspaceCaller caller, Guid id, ReplyLeaseService leases, SahutDbContext db, CancellationToken ct) =>
        {
            var userId = AgentOf(caller);
            await EnsureConversationAsync(db, caller, id, ct);
            var taken = await leases.StartTypingAsync(caller.WorkspaceId, id, userId, ct);
            if (!taken.Granted)
            {
                throw new ConflictException("reply-lease", $"Another agent is replying (until {taken.ExpiresAt:O}).");
            }

            return Results.Ok(await ResponseAsync(db, taken, ct));
        });
        lease.MapDelete("/", async (WorkspaceCaller caller, Guid id, ReplyLeaseService leases, SahutDbContext db, CancellationToken ct) =>
        {
            var userId = AgentOf(caller);
            await EnsureConversationAsync(db, caller, id, ct);
            await leases.StopTypingAsync(caller.WorkspaceId, id, userId, ct);
            return Results.NoContent();
        });
    }

    private static Guid AgentOf(WorkspaceCaller caller) =>
        caller.UserId ?? throw new ForbiddenException("API tokens act as no agent and cannot hold the reply lease; they may reply only in unassigned conversations nobody is replying to.");

    private static async Task EnsureConversationAsync(SahutDbContext db, WorkspaceCaller caller, Guid id, CancellationToken ct)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == id && c.WorkspaceId == caller.WorkspaceId, ct))
        {
            throw new NotFoundException("Conversation");
        }
    }

    private static async Task<LeaseResponse> ResponseAsync(SahutDbContext db, LeaseState lease, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == lease.HolderId).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(ct);
        return new LeaseResponse(lease.ConversationId, lease.HolderId, name, lease.ExpiresAt, lease.Granted);
    }
}
