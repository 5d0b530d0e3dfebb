using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sahut.Channels;
using Sahut.Web;

namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>
/// <c>/api/v1/workspaces/{ws}/channels/{channelId}/whatsapp/templates</c>: the template picker's list (GET) and an
/// on-demand sync from the provider (POST …/sync). Same access rule as the core API.
/// </summary>
internal sealed class TemplateEndpoints(IWorkspaceAccess access, IChannelDirectory directory, ITemplateCatalog catalog, TemplateSync sync) : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/workspaces/{ws:guid}/channels/{channelId:guid}/whatsapp/templates")
            .RequireAuthorization("Sahut")
            .DisableAntiforgery()
            .WithTags("WhatsApp templates");
        group.MapGet("/", ListAsync);
        group.MapPost("/sync", SyncAsync);
    }

    private async Task<IResult> ListAsync(HttpContext context, Guid ws, Guid channelId, bool? all)
    {
        if (await FindChannelAsync(context, ws, channelId) is not { } channel)
        {
            return Results.NotFound();
        }

        var templates = await catalog.ListAsync(channel.ChannelId, context.RequestAborted);
        return Results.Ok(templates.Where(t => all == true || t.IsApproved).Select(TemplateView.Of));
    }

    private async Task<IResult> SyncAsync(HttpContext context, Guid ws, Guid channelId)
    {
        if (await FindChannelAsync(context, ws, channelId) is not { } channel)
        {
            return Results.NotFound();
        }

        try
        {
            var count = await sync.SyncAsync(channel, context.RequestAborted);
            return Results.Ok(new { synced = count });
        }
        catch (ChannelSendException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Template sync failed", detail: ex.Reason);
        }
    }

    private async Task<ChannelContext?> FindChannelAsync(HttpContext context, Guid ws, Guid channelId)
    {
        if (await access.ResolveAsync(context, ws) is null)
        {
            return null;
        }

        var channel = await directory.FindAsync(channelId, context.RequestAborted);
        return channel is not null && channel.WorkspaceId == ws && channel.Type == WhatsAppChannelType.TypeKey ? channel : null;
    }
}
