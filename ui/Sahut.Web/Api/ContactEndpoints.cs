using Sahut.Inbox;
using Sahut.Web.Security;

namespace Sahut.Web.Api;

internal static class ContactEndpoints
{
    public static void MapContactEndpoints(this RouteGroupBuilder workspace) =>
        workspace.MapGet("/contacts", async (WorkspaceCaller caller, string? q, int? page, ContactService contacts, CancellationToken ct) =>
            await contacts.ListAsync(caller.WorkspaceId, q, page ?? 1, ct)).WithTags("Contacts");
}
