using System.Globalization;
using System.Resources;

namespace Sahut.Plugins.Billing;

/// <summary>The plugin's own strings (Resources/BillingText.resx: Indonesian; .en.resx: English) in the current UI culture.</summary>
public sealed class BillingText
{
    private static readonly ResourceManager Resources = new("Sahut.Plugins.Billing.Resources.BillingText", typeof(BillingText).Assembly);

    public string this[string key] => Get(key, CultureInfo.CurrentUICulture);

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    /// <summary>An amount in rupiah the way Indonesians write it: "Rp 299.000".</summary>
    public static string Rupiah(long amount) => "Rp " + amount.ToString("#,0", CultureInfo.GetCultureInfo("id-ID"));
}
