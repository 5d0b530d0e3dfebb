namespace Sahut.Navigation;

/// <summary>Contributes navigation entries; the UI localises titles with <see cref="Localize"/>.</summary>
public interface INavigationProvider
{
    IEnumerable<NavigationEntry> GetEntries();

    string Localize(string titleKey, System.Globalization.CultureInfo culture);
}
