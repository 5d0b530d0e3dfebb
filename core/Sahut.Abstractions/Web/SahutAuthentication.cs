namespace Sahut.Web;

/// <summary>The host's authentication: plugin endpoints call <c>RequireAuthorization(SahutAuthentication.Policy)</c> to accept an API token or the session cookie.</summary>
public static class SahutAuthentication
{
    public const string Policy = "Sahut";
}
