using System.Globalization;
using System.Text.Json;

namespace Sahut.Plugins.WhatsApp.Json;

/// <summary>Tolerant reads of provider JSON: a missing or differently-typed field reads as null.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) && child.ValueKind != JsonValueKind.Null ? child : null;

    public static string? Text(this JsonElement element, string name) => element.Child(name) is { } child
        ? child.ValueKind switch
        {
            JsonValueKind.String => child.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => child.GetRawText(),
            _ => null,
        }
        : null;

    public static bool Flag(this JsonElement element, string name) =>
        element.Child(name) is { } child && (child.ValueKind == JsonValueKind.True || (child.ValueKind == JsonValueKind.String && bool.TryParse(child.GetString(), out var b) && b));

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>Unix seconds (number or string) or an ISO 8601 date; default when absent or unreadable.</summary>
    public static DateTime Timestamp(this JsonElement element, string name)
    {
        var text = element.Text(name);
        if (text is null)
        {
            return default;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.UtcDateTime : default;
    }
}
