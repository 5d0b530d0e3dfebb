using Microsoft.AspNetCore.Localization;

namespace Sahut.Web.Localization;

/// <summary>The UI language cookie read by the request localisation middleware.</summary>
public static class LanguageCookie
{
    /// <summary>Writes the cookie for a language; null (no preference) leaves the current cookie alone.</summary>
    public static void Write(HttpResponse response, string? language)
    {
        if (language is null)
        {
            return;
        }

        var culture = UiCultures.Normalize(language);
        response.Cookies.Append(
            UiCultures.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
            });
    }
}
