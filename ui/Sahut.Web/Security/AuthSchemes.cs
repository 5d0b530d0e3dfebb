namespace Sahut.Web.Security;

public static class AuthSchemes
{
    /// <summary>Picks the bearer token scheme when an Authorization header is present, the Identity cookie otherwise.</summary>
    public const string Default = SahutAuthentication.Policy;

    public const string ApiToken = "ApiToken";
}
