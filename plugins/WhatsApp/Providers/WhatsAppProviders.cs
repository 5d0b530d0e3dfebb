using Sahut.Plugins.WhatsApp.Settings;

namespace Sahut.Plugins.WhatsApp.Providers;

/// <summary>The registered providers by their <c>provider</c> setting value.</summary>
internal sealed class WhatsAppProviders(IEnumerable<IWhatsAppProvider> providers)
{
    private readonly Dictionary<string, IWhatsAppProvider> byKey = providers.ToDictionary(p => p.Key, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Keys => byKey.Keys;

    public IWhatsAppProvider? Find(string key) => byKey.GetValueOrDefault(key);

    public IWhatsAppProvider For(WhatsAppSettings settings) =>
        Find(settings.Provider) ?? throw new InvalidOperationException($"Unknown WhatsApp provider '{settings.Provider}'.");
}
