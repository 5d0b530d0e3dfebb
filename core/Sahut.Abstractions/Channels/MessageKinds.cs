namespace Sahut.Channels;

/// <summary>Message kinds the inbox knows how to show. Channels may store others; they show as unsupported.</summary>
public static class MessageKinds
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Audio = "audio";
    public const string Video = "video";
    public const string Document = "document";
    public const string Sticker = "sticker";
    public const string Location = "location";
    public const string Contacts = "contacts";
    public const string Interactive = "interactive";
    public const string Button = "button";
    public const string Reaction = "reaction";
    public const string Template = "template";
    public const string Email = "email";
    public const string Unsupported = "unsupported";
}
