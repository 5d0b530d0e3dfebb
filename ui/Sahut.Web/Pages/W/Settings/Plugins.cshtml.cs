using Sahut.Plugins;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Pages.W.Settings;

/// <summary>Which plugins the server found at start-up, their versions, and why any failed to load.</summary>
public sealed class PluginsModel(PluginCatalog catalog) : WorkspacePageModel
{
    public IReadOnlyList<PluginEntry> Entries => catalog.Entries;

    public string Directory => catalog.PluginsDirectory;

    public void OnGet()
    {
    }
}
