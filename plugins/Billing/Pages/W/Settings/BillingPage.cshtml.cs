using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sahut.Plugins.Billing.Subscriptions;
using Sahut.Web;

namespace Sahut.Plugins.Billing.Pages.W.Settings;

/// <summary>
/// Settings → Billing. Lives under /W/Settings so the host's workspace filter applies (404 for non-members, 403 for
/// agents) and the host layout and settings navigation render around it.
/// </summary>
public sealed class BillingPageModel(
    BillingQueries queries,
    SubscriptionCommands commands,
    IWorkspaceAccess access,
    BillingText text,
    TimeProvider time) : PageModel
{
    [FromRoute(Name = "ws")]
    public Guid WorkspaceId { get; set; }

    public BillingOverview Overview { get; private set; } = null!;

    public IReadOnlyList<BillingInvoiceView> Invoices { get; private set; } = [];

    public BillingText Text => text;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    [TempData]
    public string? BillingFlash { get; set; }

    [TempData]
    public string? BillingError { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overview = await queries.OverviewAsync(WorkspaceId, cancellationToken);
        Invoices = await queries.InvoicesAsync(WorkspaceId, cancellationToken);
    }

    public Task<IActionResult> OnPostUpgradeAsync(string plan, CancellationToken cancellationToken) =>
        RunAsync(() => commands.UpgradeAsync(WorkspaceId, plan, cancellationToken), "Done_Upgraded");

    public Task<IActionResult> OnPostTopUpAsync(CancellationToken cancellationToken) =>
        RunAsync(async () => await commands.TopUpAsync(WorkspaceId, 1, (await access.ResolveAsync(HttpContext, WorkspaceId))?.UserId, cancellationToken), "Done_TopUp");

    public Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken) =>
        RunAsync(() => commands.CancelAsync(WorkspaceId, cancellationToken), "Done_Cancelled");

    public Task<IActionResult> OnPostUndoCancelAsync(CancellationToken cancellationToken) =>
        RunAsync(() => commands.UndoCancelAsync(WorkspaceId, cancellationToken), "Done_Undone");

    public Task<IActionResult> OnPostSubscribeAsync(string plan, CancellationToken cancellationToken) =>
        RunAsync(() => commands.SubscribeAsync(WorkspaceId, plan, cancellationToken), "Done_Subscribed");

    private async Task<IActionResult> RunAsync(Func<Task> action, string doneKey)
    {
        try
        {
            await action();
            BillingFlash = text[doneKey];
        }
        catch (BillingRefusedException refused)
        {
            BillingError = refused.Message;
        }

        return LocalRedirect(BillingPaths.Page(WorkspaceId));
    }
}
