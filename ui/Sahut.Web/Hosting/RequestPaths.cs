namespace Sahut.Web.Hosting;

/// <summary>Which requests come from machines (API, webhooks, probes) rather than from people in a browser.</summary>
internal static class RequestPaths
{
    public const string Webhooks = "/webhooks";

    /// <summary>Provider deliveries: authenticated by their own signature or secret, never by a user, never localised.</summary>
    public static bool IsWebhook(HttpContext context) => context.Request.Path.StartsWithSegments(Webhooks);

    public static bool IsMachine(HttpContext context) =>
        IsWebhook(context) || context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/openapi");
}
