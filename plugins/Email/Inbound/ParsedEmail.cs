using Sahut.Channels;

namespace Sahut.Plugins.Email.Inbound;

/// <summary>
/// A parsed inbound email: the message for the inbox, or the reason it is skipped (loop/noise).
/// <see cref="Ancestors"/> are the Message-IDs it replies to, nearest first, for choosing the one the inbox knows.
/// </summary>
internal sealed record ParsedEmail(InboundMessage? Message, IReadOnlyList<string> Ancestors, string? SkipReason);
