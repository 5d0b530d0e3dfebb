using Microsoft.AspNetCore.Mvc;
using Sahut.Exports;
using Sahut.Plugins.Reports.Exports;
using Sahut.Plugins.Reports.Jobs;
using Sahut.Web;

namespace Sahut.Plugins.Reports.Pages.W.Settings.Reports;

/// <summary>Settings → Export: pick data, dates and filters; small exports stream to the browser, big ones run in the background.</summary>
public sealed class ExportModel(IWorkspaceAccess access, IExportFilterChoices choices, TimeProvider time, ExportCatalog catalog, ExportJobService jobs, ReportsOptions options)
    : ReportsPageModel(access, choices, time)
{
    [BindProperty(SupportsGet = true)]
    public string Dataset { get; set; } = ExportCatalog.Conversations;

    public IReadOnlyList<ExportJobView> Jobs { get; private set; } = [];

    public long InteractiveRowLimit => options.InteractiveRowLimit;

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Dataset = catalog.Find(Dataset)?.Key ?? ExportCatalog.Conversations;
        Jobs = [.. (await jobs.RecentAsync(WorkspaceId, cancellationToken)).Select(ExportJobView.Of)];
    }

    /// <summary>Without JavaScript the form lands here and the browser downloads the CSV straight from the API route.</summary>
    public IActionResult OnGetDownload() =>
        Redirect($"/api/v1/workspaces/{WorkspaceId}/exports/{catalog.Find(Dataset)?.Key ?? ExportCatalog.Conversations}.csv{Filters.ToQueryString()}");

    public async Task<IActionResult> OnPostBackgroundAsync(CancellationToken cancellationToken)
    {
        var filters = ExportFilters.Parse(Request.Form, out var errors);
        if (errors.Count > 0 || catalog.Find(Dataset) is not { } dataset)
        {
            return BadRequest();
        }

        var total = await dataset.CountRowsAsync(filters.For(WorkspaceId), cancellationToken);
        await jobs.StartAsync(WorkspaceId, Caller.UserId, dataset.Key, filters, total, cancellationToken);
        Flash = "Jobs_Started";
        return Redirect($"/w/{WorkspaceId}/settings/reports?dataset={dataset.Key}");
    }
}
