using System.Diagnostics;
using System.Globalization;

namespace Sahut.Web.Hosting;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…</c> to every response, so the time spent in Sahut can be told apart from the
/// network and the client (bench/ reads it; browsers show it in their developer tools).
/// </summary>
internal sealed class ServerTimingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers.Append("Server-Timing", "app;dur=" + elapsed.ToString("0.###", CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        });
        return next(context);
    }
}
