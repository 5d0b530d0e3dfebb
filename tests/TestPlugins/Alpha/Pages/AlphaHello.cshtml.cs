using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sahut.TestPlugins.Alpha.Pages;

public sealed class AlphaHelloModel : PageModel
{
    public string Greeting { get; private set; } = "";

    public void OnGet() => Greeting = "Page model ran inside the plugin";
}
