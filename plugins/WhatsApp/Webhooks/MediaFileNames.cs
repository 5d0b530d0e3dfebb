namespace Sahut.Plugins.WhatsApp.Webhooks;

/// <summary>A file name for media that arrives without one (WhatsApp only names documents).</summary>
internal static class MediaFileNames
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = ".jpg",
        ["image/png"] = ".png",
        ["image/webp"] = ".webp",
        ["audio/ogg"] = ".ogg",
        ["audio/mpeg"] = ".mp3",
        ["audio/mp4"] = ".m4a",
        ["audio/aac"] = ".aac",
        ["audio/amr"] = ".amr",
        ["video/mp4"] = ".mp4",
        ["video/3gpp"] = ".3gp",
        ["application/pdf"] = ".pdf",
    };

    public static string For(string kind, string? providedName, string contentType, string mediaId)
    {
        if (!string.IsNullOrWhiteSpace(providedName))
        {
            return providedName;
        }

        var bareType = contentType.Split(';')[0].Trim();
        return $"{kind}-{mediaId}{Extensions.GetValueOrDefault(bareType, "")}";
    }
}
