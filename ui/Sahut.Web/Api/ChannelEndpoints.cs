using Microsoft.Extensions.Options;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Web.Security;

namespace Sahut.Web.Api;

internal static class ChannelEndpoints
{
    public static void MapChannelEndpoints(this RouteGroupBuilder workspace)
    {
        var channels = workspace.MapGroup("/channels").WithTags("Channels");
        channels.MapGet("/", async (WorkspaceCaller caller, ChannelService service, ChannelLinks links, CancellationToken ct) =>
            (await service.ListAsync(caller.WorkspaceId, ct)).Select(links.ToResponse));
        channels.MapGet("/{id:guid}", async (WorkspaceCaller caller, Guid id, ChannelService service, ChannelLinks links, CancellationToken ct) =>
            links.ToResponse(await service.GetAsync(caller.WorkspaceId, id, ct)));
        channels.MapPost("/", async (WorkspaceCaller caller, ConnectChannelRequest request, ChannelService service, ChannelLinks links, CancellationToken ct) =>
        {
            caller.EnsureAdmin();
            var channel = await service.ConnectAsync(caller.WorkspaceId, request.Type ?? "", request.Name ?? "", request.Settings, ct);
            var response = links.ToResponse(channel);
            return Results.Created($"/api/v1/workspaces/{caller.WorkspaceId}/channels/{channel.Id}", response);
        });
        channels.MapDelete("/{id:guid}", async (WorkspaceCaller caller, Guid id, ChannelService service, CancellationToken ct) =>
        {
            caller.EnsureAdmin();
            await service.DisconnectAsync(caller.WorkspaceId, id, ct);
            return Results.NoContent();
        });
    }
}

/// <summary>Builds channel responses, including the public webhook URL for types that receive webhooks.</summary>
internal sealed class ChannelLinks(ChannelTypeRegistry types, IHttpContextAccessor http, IOptions<SahutOptions> options)
{
    public ChannelResponse ToResponse(Channel channel) => new(
        channel.Id,
        channel.Type,
        channel.Name,
        channel.State.ToString(),
        channel.StateReason,
        types.Find(channel.Type)?.Capabilities.Webhook == true ? $"{BaseUrl()}/webhooks/{channel.Type}/{channel.WebhookKey}" : null,
        channel.CreatedAt);

    private string BaseUrl()
    {
        if (options.Value.PublicBaseUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var request = http.HttpContext?.Request;
        return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
