using Microsoft.Extensions.Localization;
using Sahut.Exports;
using Sahut.Plugins.Reports.Dashboard;
using Sahut.Plugins.Reports.Exports;
using Sahut.Web;

namespace Sahut.Plugins.Reports.Pages.W.Settings.Reports;

/// <summary>The reports dashboard, computed from the conversations export rows for the same filters.</summary>
public sealed class DashboardModel(IWorkspaceAccess access, IExportFilterChoices choices, TimeProvider time, ExportCatalog catalog, IStringLocalizer<ReportsResource> strings)
    : ReportsPageModel(access, choices, time)
{
    public ReportSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var conversations = catalog.Find(ExportCatalog.Conversations) ?? throw new InvalidOperationException("The core registers the conversations dataset.");
        var filters = HasFilterErrors ? new ExportFilters(Filters.From, Filters.From, Filters.ChannelId, Filters.AgentId) : Filters;
        Summary = await ReportCalculator.SummariseAsync(conversations, filters.For(WorkspaceId), cancellationToken);
    }

    public string Duration(double? minutes)
    {
        if (minutes is not { } m)
        {
            return R("Common_None");
        }

        var culture = System.Globalization.CultureInfo.CurrentCulture;
        return m switch
        {
            < 60 => R("Duration_Minutes", m.ToString("0", culture)),
            < 60 * 48 => R("Duration_Hours", (m / 60).ToString("0.#", culture)),
            _ => R("Duration_Days", (m / 60 / 24).ToString("0.#", culture)),
        };
    }

    private string R(string key, params object[] args) => strings[key, args];
}
