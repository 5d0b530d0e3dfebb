using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Plugins.Reports.Dashboard;
using Sahut.Plugins.Reports.Jobs;
using Sahut.Web;

namespace Sahut.Plugins.Reports.Exports;

/// <summary>
/// The export API of DESIGN §4 (<c>…/exports/conversations.csv</c>, <c>…/exports/contacts.csv</c>) plus what the
/// export page and dashboard use: row counts, background export jobs and the report summary. Admins only.
/// </summary>
public sealed class ExportEndpoints(ReportsOptions options) : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var workspace = endpoints.MapGroup("/api/v1/workspaces/{ws:guid}").DisableAntiforgery().WithTags("Exports");
        workspace.MapGet("/exports/conversations.csv", (Guid ws, HttpContext context) => StreamAsync(ws, ExportCatalog.Conversations, context));
        workspace.MapGet("/exports/contacts.csv", (Guid ws, HttpContext context) => StreamAsync(ws, ExportCatalog.Contacts, context));
        workspace.MapGet("/exports/{dataset}/count", CountAsync);
        workspace.MapGet("/exports/jobs/{jobId:guid}", JobAsync);
        workspace.MapGet("/exports/jobs/{jobId:guid}/file", JobFileAsync);
        workspace.MapGet("/reports/summary", SummaryAsync);
        ReportAssets.Map(endpoints);
    }

    private static async Task StreamAsync(Guid ws, string key, HttpContext context)
    {
        var (_, refusal) = await ReportsAccess.AdminAsync(context, ws);
        var filters = ExportFilters.Parse(context.Request.Query, out var errors);
        refusal ??= errors.Count > 0 ? Results.ValidationProblem(errors) : null;
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        var catalog = context.RequestServices.GetRequiredService<ExportCatalog>();
        var dataset = catalog.Find(key);
        if (dataset is null)
        {
            await Results.NotFound().ExecuteAsync(context);
            return;
        }

        var request = filters.For(ws);
        var response = context.Response;
        response.ContentType = catalog.Format.ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{catalog.FileName(key, request)}\"";
        response.Headers.CacheControl = "no-store";
        // Lets the export page show "rows written of N" while the body streams.
        response.Headers["X-Export-Rows"] = (await dataset.CountRowsAsync(request, context.RequestAborted)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await catalog.Format.WriteAsync(response.Body, dataset.Columns, dataset.ReadRowsAsync(request, context.RequestAborted), context.RequestAborted);
    }

    private async Task<IResult> CountAsync(Guid ws, string dataset, HttpContext context, ExportCatalog catalog)
    {
        var (_, refusal) = await ReportsAccess.AdminAsync(context, ws);
        var filters = ExportFilters.Parse(context.Request.Query, out var errors);
        if (refusal is not null || errors.Count > 0)
        {
            return refusal ?? Results.ValidationProblem(errors);
        }

        if (catalog.Find(dataset) is not { } found)
        {
            return Results.NotFound();
        }

        var rows = await found.CountRowsAsync(filters.For(ws), context.RequestAborted);
        return Results.Ok(new { rows, interactiveLimit = options.InteractiveRowLimit, background = rows > options.InteractiveRowLimit });
    }

    private static async Task<IResult> JobAsync(Guid ws, Guid jobId, HttpContext context, ExportJobService jobs)
    {
        var (_, refusal) = await ReportsAccess.AdminAsync(context, ws);
        if (refusal is not null)
        {
            return refusal;
        }

        return await jobs.FindAsync(ws, jobId, context.RequestAborted) is { } job
            ? Results.Ok(ExportJobView.Of(job))
            : Results.NotFound();
    }

    private static async Task<IResult> JobFileAsync(Guid ws, Guid jobId, HttpContext context, ExportJobService jobs, ExportFiles files, ExportCatalog catalog)
    {
        var (_, refusal) = await ReportsAccess.AdminAsync(context, ws);
        if (refusal is not null)
        {
            return refusal;
        }

        var job = await jobs.FindAsync(ws, jobId, context.RequestAborted);
        var path = job is { Status: ExportJobStatus.Done } ? files.PathOf(job) : null;
        if (job is null || path is null || !File.Exists(path))
        {
            return Results.NotFound();
        }

        var request = new Sahut.Exports.ExportRequest(ws, job.From, job.To, job.ChannelId, job.AgentId);
        return Results.File(path, catalog.Format.ContentType, catalog.FileName(job.Dataset, request));
    }

    private static async Task<IResult> SummaryAsync(Guid ws, HttpContext context, ExportCatalog catalog)
    {
        var (_, refusal) = await ReportsAccess.AdminAsync(context, ws);
        var filters = ExportFilters.Parse(context.Request.Query, out var errors);
        if (refusal is not null || errors.Count > 0)
        {
            return refusal ?? Results.ValidationProblem(errors);
        }

        var conversations = catalog.Find(ExportCatalog.Conversations);
        return conversations is null
            ? Results.NotFound()
            : Results.Ok(await ReportCalculator.SummariseAsync(conversations, filters.For(ws), context.RequestAborted));
    }
}
