using System.Globalization;
using Sahut.Navigation;

namespace Sahut.Plugins.Billing;

/// <summary>Settings → Billing ("Tagihan").</summary>
public sealed class BillingNavigation : INavigationProvider
{
    public IEnumerable<NavigationEntry> GetEntries() => [new NavigationEntry("settings", "Nav_Billing", "/w/{ws}/settings/billing", 50, AdminOnly: true)];

    public string Localize(string titleKey, CultureInfo culture) => BillingText.Get(titleKey, culture);
}
