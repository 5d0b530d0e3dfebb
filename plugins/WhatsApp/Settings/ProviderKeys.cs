namespace Sahut.Plugins.WhatsApp.Settings;

/// <summary>The <c>provider</c> values a WhatsApp channel accepts.</summary>
internal static class ProviderKeys
{
    public const string Cloud = "cloud";
    public const string Dialog360 = "360dialog";
    public const string Wati = "wati";
    public const string Qontak = "qontak";
}
