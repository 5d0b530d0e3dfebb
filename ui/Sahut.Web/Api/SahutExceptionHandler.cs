using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Sahut.Errors;

namespace Sahut.Web.Api;

/// <summary>Turns Sahut's refusals into RFC 7807 problem details with the status code that carries their meaning.</summary>
internal sealed class SahutExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException badRequest)
        {
            httpContext.Response.StatusCode = badRequest.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = badRequest.StatusCode, Title = "Bad request", Detail = badRequest.Message },
            });
        }

        if (exception is not SahutException refusal)
        {
            return false;
        }

        var details = new ProblemDetails { Status = refusal.StatusCode, Title = refusal.Title, Detail = refusal.Message };
        switch (refusal)
        {
            case InputValidationException invalid:
                details.Extensions["errors"] = invalid.Errors;
                break;
            case RuleViolationException rule:
                details.Extensions["rule"] = rule.Rule;
                if (rule.Rule == "reply-window")
                {
                    details.Extensions["hint"] = "Send an approved template: POST the same route with {\"template\":{\"name\":…,\"language\":…,\"parameters\":[…]}}.";
                }

                break;
            case ConflictException conflict:
                details.Extensions["rule"] = conflict.Rule;
                break;
        }

        httpContext.Response.StatusCode = refusal.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
