namespace Sahut.Plugins.Billing;

/// <summary>The plugin's URLs.</summary>
public static class BillingPaths
{
    public const string PageRoute = "/w/{ws:guid}/settings/billing";

    public const string ApiRoute = "/api/v1/workspaces/{ws:guid}/billing";

    public static string Page(Guid workspaceId) => $"/w/{workspaceId}/settings/billing";
}
