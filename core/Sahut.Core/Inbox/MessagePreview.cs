namespace Sahut.Inbox;

/// <summary>The short text shown in the inbox list for a message.</summary>
public static class MessagePreview
{
    public const int MaxLength = 200;

    public static string Of(string kind, string? body)
    {
        var text = string.IsNullOrWhiteSpace(body) ? $"[{kind}]" : body.ReplaceLineEndings(" ").Trim();
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}
