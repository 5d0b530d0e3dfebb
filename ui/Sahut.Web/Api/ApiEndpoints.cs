using Sahut.Web.Security;

namespace Sahut.Web.Api;

internal static class ApiEndpoints
{
    /// <summary>The REST API under /api/v1. Every workspace route binds <see cref="WorkspaceCaller"/>, which is the access check.</summary>
    public static IEndpointRouteBuilder MapSahutApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(AuthSchemes.Default).DisableAntiforgery();
        var workspace = api.MapGroup("/workspaces/{ws:guid}");
        workspace.MapChannelEndpoints();
        workspace.MapConversationEndpoints();
        workspace.MapContactEndpoints();
        workspace.MapAttachmentEndpoints();
        workspace.MapCannedResponseEndpoints();
        workspace.MapLabelEndpoints();
        workspace.MapReplyLeaseEndpoints();
        workspace.MapNotificationEndpoints();
        return endpoints;
    }
}
