using System.Globalization;
using System.Resources;
using Sahut.Navigation;

namespace Sahut.Plugins.Reports.Navigation;

/// <summary>Reports in the sidebar, Export in the settings menu and on the contacts page; admins only.</summary>
public sealed class ReportsNavigation : INavigationProvider
{
    private static readonly ResourceManager Strings = new("Sahut.Plugins.Reports.Resources.ReportsResource", typeof(ReportsNavigation).Assembly);

    public IEnumerable<NavigationEntry> GetEntries() =>
    [
        new("main", "Nav_Reports", "/w/{ws}/reports", 30, AdminOnly: true),
        new("settings", "Nav_Export", "/w/{ws}/settings/reports", 60, AdminOnly: true),
        new("contacts", "Contacts_Export", "/w/{ws}/settings/reports?dataset=contacts", 10, AdminOnly: true),
    ];

    public string Localize(string titleKey, CultureInfo culture) => Strings.GetString(titleKey, culture) ?? titleKey;
}
