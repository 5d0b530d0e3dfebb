using Microsoft.AspNetCore.Http;

namespace Sahut.Web;

/// <summary>
/// 200 with an empty body, for webhook endpoints. The built-in results resolve a logger from the request's services,
/// which opens a DI scope for every request: on a burst of webhooks that scope cost more than writing the status.
/// </summary>
public sealed class Acknowledged : IResult
{
    public static readonly Acknowledged Instance = new();

    private Acknowledged()
    {
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }
}
