using Sahut.Channels;

namespace Sahut.Inbox;

/// <summary>What an agent sends: free text, or a template with parameters.</summary>
public sealed record ReplyContent(string? Text, OutboundTemplate? Template)
{
    public bool IsTemplate => Template is not null;
}
