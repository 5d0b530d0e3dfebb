using System.Text.Json.Nodes;

namespace Sahut.Plugins.WhatsApp.Settings;

/// <summary>Checks one provider's settings: required fields present, the API base URL absolute http(s); fills defaults.</summary>
internal sealed class SettingsRules(JsonObject settings)
{
    private readonly Dictionary<string, List<string>> errors = [];

    public IReadOnlyDictionary<string, string[]> Errors => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Require(params string[] names)
    {
        foreach (var name in names)
        {
            if (WhatsAppSettings.Text(settings, name) is null)
            {
                Add(name, $"'{name}' is required for this provider.");
            }
        }
    }

    public void BaseUrl(string defaultUrl)
    {
        var url = WhatsAppSettings.Text(settings, SettingNames.ApiBaseUrl) ?? defaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            Add(SettingNames.ApiBaseUrl, "'apiBaseUrl' must be an absolute http(s) URL.");
            return;
        }

        settings[SettingNames.ApiBaseUrl] = url.TrimEnd('/');
    }

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }
}
