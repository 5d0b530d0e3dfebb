using MimeKit;

namespace Sahut.Plugins.Email.Inbound;

/// <summary>
/// Recognises mail that must not open or continue a conversation: auto-replies, bounces, bulk/list mail and our own
/// sent messages. Answering those would start mail loops between auto-responders.
/// </summary>
internal static class LoopGuard
{
    private static readonly string[] NoisyPrecedence = ["bulk", "junk", "list", "auto_reply"];

    /// <summary>Why the message is skipped, or null when it is a person writing to us.</summary>
    public static string? SkipReason(MimeMessage message, string channelAddress)
    {
        var headers = message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } autoSubmitted && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return "auto-submitted";
        }

        if (headers[HeaderId.Precedence] is { } precedence && NoisyPrecedence.Contains(precedence.Trim().ToLowerInvariant()))
        {
            return "precedence-" + precedence.Trim().ToLowerInvariant();
        }

        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond"))
        {
            return "auto-reply";
        }

        if (headers[HeaderId.ReturnPath] is { } returnPath && returnPath.Trim() is "<>" or "")
        {
            return "bounce";
        }

        if (message.Body is MultipartReport report && report.ReportType?.Equals("delivery-status", StringComparison.OrdinalIgnoreCase) == true)
        {
            return "bounce";
        }

        if (message.From.Mailboxes.Any(m => m.Address.Equals(channelAddress, StringComparison.OrdinalIgnoreCase)))
        {
            return "own-message";
        }

        return null;
    }
}
