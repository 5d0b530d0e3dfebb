using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Sahut.Errors;
using Sahut.Web.Localization;

namespace Sahut.Web.Pages.Shared;

/// <summary>
/// The access check for pages under /w/{ws}: another workspace's id answers 404 (as if it did not exist), an agent on an
/// admin page 403. Refusals thrown by core services become 404/403 or a friendly message on the page.
/// </summary>
internal sealed class WorkspaceAccessFilter(bool requireAdmin) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var shell = await WorkspaceShell.LoadAsync(context.HttpContext);
        if (shell is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        if (requireAdmin && !shell.Caller.IsAdmin)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        if (context.HandlerInstance is WorkspacePageModel page)
        {
            page.Shell = shell;
        }

        var executed = await next();
        if (executed.Exception is not SahutException refusal || executed.ExceptionHandled)
        {
            return;
        }

        executed.ExceptionHandled = true;
        var request = context.HttpContext.Request;
        executed.Result = refusal switch
        {
            NotFoundException => new NotFoundResult(),
            ForbiddenException => new StatusCodeResult(StatusCodes.Status403Forbidden),
            _ when HttpMethods.IsGet(request.Method) => new StatusCodeResult(refusal.StatusCode),
            _ => FlashAndReturn(context, refusal),
        };
    }

    private static LocalRedirectResult FlashAndReturn(PageHandlerExecutingContext context, SahutException refusal)
    {
        var http = context.HttpContext;
        var errors = http.RequestServices.GetRequiredService<FriendlyErrors>();
        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        tempData[nameof(WorkspacePageModel.FlashError)] = errors.Describe(refusal);
        return new LocalRedirectResult(WorkspacePageModel.SamePageUrl(http.Request));
    }
}
