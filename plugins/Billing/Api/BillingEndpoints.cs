using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Plugins.Billing.Subscriptions;
using Sahut.Web;

namespace Sahut.Plugins.Billing.Api;

/// <summary>
/// <c>GET /api/v1/workspaces/{ws}/billing</c> (any member) and the owner/admin actions under it: upgrade, top-ups,
/// cancel (POST) and undo (DELETE …/cancel), subscribe again, invoices.
/// </summary>
public sealed class BillingEndpoints : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var billing = endpoints.MapGroup(BillingPaths.ApiRoute).RequireAuthorization(SahutAuthentication.Policy).DisableAntiforgery().WithTags("Billing");
        billing.MapGet("", (Guid ws, HttpContext http, CancellationToken ct) =>
            RunAsync(http, ws, adminOnly: false, async sp => Results.Ok(await sp.GetRequiredService<BillingQueries>().OverviewAsync(ws, ct))));
        billing.MapGet("/invoices", (Guid ws, HttpContext http, CancellationToken ct) =>
            RunAsync(http, ws, adminOnly: false, async sp => Results.Ok(await sp.GetRequiredService<BillingQueries>().InvoicesAsync(ws, ct))));
        billing.MapPost("/upgrade", (Guid ws, PlanRequest request, HttpContext http, CancellationToken ct) =>
            RunAsync(http, ws, adminOnly: true, sp => Overview(sp, ws, sp.GetRequiredService<SubscriptionCommands>().UpgradeAsync(ws, request.Plan ?? "", ct), ct)));
        billing.MapPost("/top-ups", (Guid ws, TopUpRequest? request, HttpContext http, CancellationToken ct) =>
            RunAsync(http, ws, adminOnly: true, async sp =>
            {
                var caller = await sp.GetRequiredService<IWorkspaceAccess>().ResolveAsync(http, ws);
                return await Overview(sp, ws, sp.GetRequiredService<SubscriptionCommands>().TopUpAsync(ws, request?.Count ?? 1, caller?.UserId, ct), ct);
            }));
        billing.MapPost("/cancel", (Guid ws, HttpContext http, CancellationToken ct) =>
            RunAsync(http, ws, adminOnly: true, sp => Overview(sp, ws, sp.GetRequiredService<SubscriptionCommands>().CancelAsync(ws, ct), ct)));
        billing.MapDelete("/cancel", (Guid ws, HttpContext http, CancellationToken ct) =>
            RunAsync(http, ws, adminOnly: true, sp => Overview(sp, ws, sp.GetRequiredService<SubscriptionCommands>().UndoCancelAsync(ws, ct), ct)));
        billing.MapPost("/subscribe", (Guid ws, PlanRequest request, HttpContext http, CancellationToken ct) =>
            RunAsync(http, ws, adminOnly: true, sp => Overview(sp, ws, sp.GetRequiredService<SubscriptionCommands>().SubscribeAsync(ws, request.Plan ?? "", ct), ct)));
    }

    private static async Task<IResult> Overview(IServiceProvider services, Guid ws, Task action, CancellationToken ct)
    {
        await action;
        return Results.Ok(await services.GetRequiredService<BillingQueries>().OverviewAsync(ws, ct));
    }

    private static async Task<IResult> RunAsync(HttpContext http, Guid ws, bool adminOnly, Func<IServiceProvider, Task<IResult>> action)
    {
        var services = http.RequestServices;
        var caller = await services.GetRequiredService<IWorkspaceAccess>().ResolveAsync(http, ws);
        if (caller is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "Workspace was not found.");
        }

        if (adminOnly && !caller.IsAdmin)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only workspace owners and admins may change billing.");
        }

        try
        {
            return await action(services);
        }
        catch (BillingRefusedException refused)
        {
            return Results.Problem(statusCode: refused.StatusCode, title: "Billing refused", detail: refused.Message);
        }
    }

    public sealed record PlanRequest(string? Plan);

    public sealed record TopUpRequest(int? Count);
}
