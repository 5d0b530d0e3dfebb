using System.Globalization;
using Sahut.Navigation;

namespace Sahut.Web.Pages.Shared;

/// <summary>The links plugins contribute to one area of the workspace UI, localised, for the current caller.</summary>
public static class PluginNavigation
{
    public sealed record Link(string Title, string Href, bool IsCurrent);

    public static IReadOnlyList<Link> For(HttpContext context, WorkspaceShell shell, string area)
    {
        var culture = CultureInfo.CurrentUICulture;
        var path = context.Request.Path.Value ?? "";
        var workspace = shell.WorkspaceId.ToString();
        return
        [
            .. context.RequestServices.GetServices<INavigationProvider>()
                .SelectMany(provider => provider.GetEntries()
                    .Where(e => e.Area == area && (!e.AdminOnly || shell.Caller.IsAdmin))
                    .Select(e => (Entry: e, Title: provider.Localize(e.TitleKey, culture))))
                .OrderBy(x => x.Entry.Order)
                .Select(x =>
                {
                    var href = x.Entry.Path.Replace("{ws}", workspace, StringComparison.Ordinal);
                    return new Link(x.Title, href, path.StartsWith(href, StringComparison.OrdinalIgnoreCase));
                }),
        ];
    }
}
