using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Channels;

/// <summary>Channel look-ups for plugins. A singleton that opens its own scope per call.</summary>
public sealed class ChannelDirectory(IServiceScopeFactory scopes, ChannelSettingsProtector protector) : IChannelDirectory
{
    public async Task<ChannelContext?> FindByWebhookKeyAsync(string type, string webhookKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
        var channel = await db.Channels.AsNoTracking()
            .FirstOrDefaultAsync(c => c.WebhookKey == webhookKey && c.Type == type && c.State != ChannelState.Disconnected, cancellationToken);
        return channel is null ? null : ToContext(channel);
    }

    public async Task<ChannelContext?> FindAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        return channel is null ? null : ToContext(channel);
    }

    public async Task<IReadOnlyList<ChannelContext>> ListAsync(string type, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
        var channels = await db.Channels.AsNoTracking().Where(c => c.Type == type && c.State != ChannelState.Disconnected).ToListAsync(cancellationToken);
        return channels.Select(ToContext).ToList();
    }

    public async Task MarkNeedsReconnectAsync(Guid channelId, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
        await db.Channels.Where(c => c.Id == channelId && c.State == ChannelState.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ChannelState.NeedsReconnect).SetProperty(c => c.StateReason, reason), cancellationToken);
    }

    private ChannelContext ToContext(Channel channel) => protector.ToContext(channel);
}
