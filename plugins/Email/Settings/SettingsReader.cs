using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sahut.Plugins.Email.Settings;

/// <summary>Reads settings fields and collects one error list per field name.</summary>
internal sealed class SettingsReader(JsonObject json)
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public void Fail(string field, string error) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, error] : [error];

    public string? Required(string field)
    {
        var value = Text(field);
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, $"{field} is required.");
            return null;
        }

        return value.Trim();
    }

    public MailServerSettings Server(string prefix, int defaultPort, string defaultSecurity)
    {
        var host = Required(prefix + "Host") ?? "";
        var port = Port(prefix + "Port", defaultPort);
        var security = (Text(prefix + "Security") ?? defaultSecurity).Trim().ToLowerInvariant();
        if (!MailSecurity.All.Contains(security))
        {
            Fail(prefix + "Security", $"Use one of: {string.Join(", ", MailSecurity.All)}.");
        }

        var username = Required(prefix + "Username") ?? "";
        var password = Text(prefix + "Password");
        if (string.IsNullOrEmpty(password))
        {
            Fail(prefix + "Password", $"{prefix}Password is required.");
        }

        return new MailServerSettings(host, port, security, username, password ?? "");
    }

    private int Port(string field, int defaultPort)
    {
        var node = json[field];
        if (node is null)
        {
            return defaultPort;
        }

        var port = node.GetValueKind() switch
        {
            JsonValueKind.Number when node.AsValue().TryGetValue(out int number) => number,
            JsonValueKind.String when int.TryParse(node.GetValue<string>(), out var parsed) => parsed,
            _ => 0,
        };
        if (port is < 1 or > 65535)
        {
            Fail(field, "Enter a port between 1 and 65535.");
        }

        return port;
    }

    private string? Text(string field) => json[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
