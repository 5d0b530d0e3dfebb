using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sahut.Accounts;
using Sahut.Billing;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Errors;

namespace Sahut.Channels;

/// <summary>Connects, lists and disconnects a workspace's channels.</summary>
public sealed class ChannelService(
    SahutDbContext db,
    ChannelTypeRegistry types,
    ChannelSettingsProtector protector,
    IEnumerable<IBillingHooks> billing,
    WorkspaceActivation activation,
    WebhookChannelCache webhookChannels,
    TimeProvider time)
{
    public async Task<Channel> ConnectAsync(Guid workspaceId, string type, string name, JsonObject? settings, CancellationToken cancellationToken)
    {
        await activation.EnsureWritableAsync(workspaceId, cancellationToken);
        var channelType = types.Find(type ?? "")
            ?? throw InputValidationException.For("type", $"Unknown channel type '{type}'. Available: {string.Join(", ", types.All.Select(t => t.Key))}.");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw InputValidationException.For("name", "A channel needs a name.");
        }

        var validation = await channelType.ValidateSettingsAsync(settings ?? [], cancellationToken);
        if (!validation.IsValid)
        {
            throw new InputValidationException(validation.Errors, "The channel settings are invalid.");
        }

        var connected = await db.Channels.CountAsync(c => c.WorkspaceId == workspaceId && c.State != ChannelState.Disconnected, cancellationToken);
        foreach (var hooks in billing)
        {
            var decision = await hooks.CanConnectChannelAsync(workspaceId, connected, cancellationToken);
            if (!decision.Allowed)
            {
                throw new PlanLimitException(decision.Reason ?? "Your plan does not allow another channel.");
            }
        }

        var channel = new Channel
        {
            WorkspaceId = workspaceId,
            Type = channelType.Key,
            Name = name.Trim(),
            EncryptedSettings = protector.Protect(validation.Settings!),
            WebhookKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            CreatedAt = time.UtcNow(),
        };
        db.Channels.Add(channel);
        await db.SaveChangesAsync(cancellationToken);
        return channel;
    }

    public Task<List<Channel>> ListAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        db.Channels.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.State != ChannelState.Disconnected)
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);

    public async Task<Channel> GetAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken) =>
        await db.Channels.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId && c.State != ChannelState.Disconnected, cancellationToken)
        ?? throw new NotFoundException("Channel");

    /// <summary>Stops the channel; its conversations and messages stay.</summary>
    public async Task DisconnectAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId && c.State != ChannelState.Disconnected, cancellationToken)
            ?? throw new NotFoundException("Channel");
        channel.State = ChannelState.Disconnected;
        channel.DisconnectedAt = time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        webhookChannels.Forget(channel.Id);
    }

    public ChannelContext ToContext(Channel channel) => protector.ToContext(channel);
}
