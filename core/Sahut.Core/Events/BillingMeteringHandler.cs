using Sahut.Billing;

namespace Sahut.Events;

/// <summary>Tells the billing plugin (if any) that a conversation was opened or reopened.</summary>
internal sealed class BillingMeteringHandler(IEnumerable<IBillingHooks> billing) : IDomainEventHandler<ConversationOpened>
{
    public async Task HandleAsync(ConversationOpened domainEvent, CancellationToken cancellationToken)
    {
        foreach (var hooks in billing)
        {
            await hooks.ConversationOpenedAsync(domainEvent.WorkspaceId, domainEvent.ConversationId, domainEvent.Reopened, cancellationToken);
        }
    }
}
