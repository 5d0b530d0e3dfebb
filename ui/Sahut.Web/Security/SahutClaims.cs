namespace Sahut.Web.Security;

/// <summary>Claim types Sahut adds to API-token principals.</summary>
public static class SahutClaims
{
    public const string WorkspaceId = "sahut:workspace";
    public const string TokenId = "sahut:token";
}
