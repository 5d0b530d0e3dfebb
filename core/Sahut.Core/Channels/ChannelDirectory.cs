using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Channels;

/// <summary>Channel look-ups for plugins. A singleton that opens its own scope per call.</summary>
public sealed class ChannelDirectory(IServiceScopeFactory scopes, ChannelSettingsProtector protector, WebhookChannelCache cache, ILogger<ChannelDirectory> logger) : IChannelDirectory
{
    public async Task<ChannelContext?> FindByWebhookKeyAsync(string type, string webhookKey, CancellationToken cancellationToken)
    {
        if (cache.TryGet(type, webhookKey, out var cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
        var channel = await db.Channels.AsNoTracking()
            .FirstOrDefaultAsync(c => c.WebhookKey == webhookKey && c.Type == type && c.State != ChannelState.Disconnected, cancellationToken);
        if (channel is null)
        {
            return null;
        }

        var context = ToContext(channel);
        cache.Remember(type, webhookKey, context);
        return context;
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
        var contexts = new List<ChannelContext>(channels.Count);
        foreach (var channel in channels)
        {
            try
            {
                contexts.Add(ToContext(channel));
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                // One channel whose settings cannot be read (e.g. a lost key ring) must not stop every other channel's receiver.
                logger.LogError(ex, "Settings of channel {ChannelId} cannot be decrypted; it is skipped until reconnected", channel.Id);
            }
        }

        return contexts;
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
