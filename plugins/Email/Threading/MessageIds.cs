using MimeKit;
using MimeKit.Utils;

namespace Sahut.Plugins.Email.Threading;

/// <summary>Message-ID conventions: stored and compared in angle brackets, as they appear in headers.</summary>
internal static class MessageIds
{
    public static string Wrap(string id) => id.StartsWith('<') ? id : $"<{id}>";

    public static string Unwrap(string id) => id.Trim().TrimStart('<').TrimEnd('>');

    /// <summary>A new globally unique Message-ID in the channel address's domain.</summary>
    public static string NewFor(string address)
    {
        var at = address.LastIndexOf('@');
        var domain = at >= 0 ? address[(at + 1)..] : "sahut.local";
        return Wrap(MimeUtils.GenerateMessageId(domain));
    }

    /// <summary>The ids a message replies to, nearest first: In-Reply-To, then References from newest to oldest.</summary>
    public static IReadOnlyList<string> Ancestors(MimeMessage message)
    {
        var ids = new List<string>();
        if (message.InReplyTo is { Length: > 0 } inReplyTo)
        {
            ids.Add(Wrap(inReplyTo));
        }

        for (var i = message.References.Count - 1; i >= 0; i--)
        {
            var id = Wrap(message.References[i]);
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>The thread's root: the first References id, else In-Reply-To, else the message's own id.</summary>
    public static string ThreadRoot(MimeMessage message, string ownId) =>
        message.References.Count > 0 ? Wrap(message.References[0])
        : message.InReplyTo is { Length: > 0 } inReplyTo ? Wrap(inReplyTo)
        : ownId;
}
