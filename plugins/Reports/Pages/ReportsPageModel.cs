using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sahut.Exports;
using Sahut.Plugins.Reports.Exports;
using Sahut.Web;

namespace Sahut.Plugins.Reports.Pages;

/// <summary>
/// Base of the plugin's workspace pages: signed-in admins of the route's workspace only (404 for other workspaces,
/// 403 for agents), with the workspace's time zone and filter choices, and the filters of the query string.
/// </summary>
[Authorize]
public abstract class ReportsPageModel(IWorkspaceAccess access, IExportFilterChoices choices, TimeProvider time) : PageModel
{
    public Guid WorkspaceId { get; private set; }

    public WorkspaceAccessInfo Caller { get; private set; } = null!;

    public ExportFilterChoices Choices { get; private set; } = null!;

    public ExportFilters Filters { get; protected set; } = new(null, null, null, null);

    public bool HasFilterErrors { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!Guid.TryParse(RouteData.Values["ws"]?.ToString(), out var workspaceId)
            || await access.ResolveAsync(HttpContext, workspaceId) is not { } caller)
        {
            context.Result = NotFound();
            return;
        }

        if (!caller.IsAdmin)
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }

        WorkspaceId = workspaceId;
        Caller = caller;
        Choices = await choices.GetAsync(workspaceId, HttpContext.RequestAborted);
        Filters = ExportFilters.Parse(Request.Query, out var errors);
        HasFilterErrors = errors.Count > 0;
        if (Filters.From is null && Filters.To is null && !Request.Query.ContainsKey("from"))
        {
            // Default period: the last 30 days, today included, in the workspace's time zone.
            var today = Today();
            Filters = Filters with { From = today.AddDays(-29), To = today };
        }

        await next();
    }

    public string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private DateOnly Today()
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(Choices.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }
}
