namespace Sahut.Plugins.Email.Data;

/// <summary>The email plugin's own persistent state: per-channel checkpoints, quarantined messages, known Message-IDs.</summary>
internal interface IMailboxStateStore
{
    Task<MailboxCheckpoint?> GetCheckpointAsync(Guid channelId, CancellationToken cancellationToken);

    Task SaveCheckpointAsync(MailboxCheckpoint checkpoint, CancellationToken cancellationToken);

    Task QuarantineAsync(QuarantinedEmail email, CancellationToken cancellationToken);

    /// <summary>A channel's quarantined messages, newest first, without their raw bytes.</summary>
    Task<IReadOnlyList<QuarantinedEmail>> ListQuarantineAsync(Guid channelId, CancellationToken cancellationToken);

    /// <summary>One quarantined message with its raw bytes.</summary>
    Task<QuarantinedEmail?> FindQuarantinedAsync(Guid channelId, Guid id, CancellationToken cancellationToken);

    /// <summary>Records Message-IDs the inbox holds for a channel (received and sent), for reply threading.</summary>
    Task RememberMessageIdsAsync(Guid channelId, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);

    /// <summary>The first of <paramref name="candidates"/> (in their order) the channel knows, or null.</summary>
    Task<string?> FindFirstKnownAsync(Guid channelId, IReadOnlyList<string> candidates, CancellationToken cancellationToken);
}

/// <summary>How far a channel's INBOX has been read: everything up to <see cref="LastUid"/> under <see cref="UidValidity"/>.</summary>
internal sealed record MailboxCheckpoint(Guid ChannelId, uint UidValidity, uint LastUid);

/// <summary>A message that could not be taken into the inbox, kept for an admin to look at.</summary>
internal sealed record QuarantinedEmail(Guid Id, Guid ChannelId, uint UidValidity, uint Uid, string? MessageId, string? From, string? Subject, string Reason, DateTime QuarantinedAt, byte[]? Raw);
