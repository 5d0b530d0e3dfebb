namespace Sahut.Web.Localization;

/// <summary>The UI languages Sahut ships.</summary>
public static class UiCultures
{
    public const string Default = "id";

    public const string CookieName = "sahut.lang";

    public static readonly IReadOnlyList<string> Supported = ["id", "en"];

    public static string Normalize(string? language) => language is not null && Supported.Contains(language) ? language : Default;
}
