using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Sahut.Web.Pages;

/// <summary>Friendly page for 403/404 and other errors; the original status code is kept.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> text) : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code)
    {
        (Title, Explanation) = code switch
        {
            403 => (text["Status_403_Title"].Value, text["Status_403_Text"].Value),
            404 => (text["Status_404_Title"].Value, text["Status_404_Text"].Value),
            _ => (text["Status_Other_Title"].Value, text["Status_Other_Text", code].Value),
        };
    }

    // Forms re-executed here after an error arrive as POSTs; answer them the same way.
    public void OnPost(int code) => OnGet(code);
}
