namespace Sahut.Channels;

/// <summary>
/// Implemented by channel types that can check a template send against the provider's templates (name, language,
/// approval, parameters). The core calls it before queuing, so a bad template is refused with 422 instead of failing
/// in the outbox later.
/// </summary>
public interface IChannelTemplateValidator
{
    /// <summary>What is wrong with the template send, in words for the agent; empty when it may be sent.</summary>
    Task<IReadOnlyList<string>> ValidateTemplateAsync(ChannelContext channel, OutboundTemplate template, CancellationToken cancellationToken);
}
