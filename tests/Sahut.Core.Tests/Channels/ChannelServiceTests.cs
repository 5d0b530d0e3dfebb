using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Tests.Infrastructure;

namespace Sahut.Tests.Channels;

public sealed class ChannelServiceTests
{
    [Fact]
    public async Task Settings_are_encrypted_at_rest_and_decrypted_for_the_plugin()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, _, channelId) = await h.SeedWorkspaceAsync();

        var stored = await h.DbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Id == channelId));
        Assert.DoesNotContain("s3cret-token-value", stored.EncryptedSettings, StringComparison.Ordinal);
        var context = await ((IChannelDirectory)h.Services.GetService(typeof(IChannelDirectory))!).FindByWebhookKeyAsync("test", stored.WebhookKey, CancellationToken.None);
        Assert.Equal("s3cret-token-value", context!.Settings["token"]!.GetValue<string>());
        Assert.Equal(ws, context.WorkspaceId);
    }

    [Fact]
    public async Task A_channel_with_unreadable_settings_is_skipped_and_the_others_are_still_listed()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (_, _, good) = await h.SeedWorkspaceAsync("A");
        var (_, _, broken) = await h.SeedWorkspaceAsync("B");
        await h.DbAsync(db => db.Channels.Where(c => c.Id == broken).ExecuteUpdateAsync(s => s.SetProperty(c => c.EncryptedSettings, "not-a-protected-payload")));

        var listed = await ((IChannelDirectory)h.Services.GetService(typeof(IChannelDirectory))!).ListAsync("test", CancellationToken.None);

        Assert.Equal([good], listed.Select(c => c.ChannelId).ToArray());
    }

    [Fact]
    public async Task Invalid_settings_unknown_types_and_foreign_ids_are_refused()
    {
        await using var h = await CoreHarness.StartAsync(DatabaseKind.Sqlite);
        var (ws, _, channelId) = await h.SeedWorkspaceAsync("A");
        var (other, _, _) = await h.SeedWorkspaceAsync("B");

        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => h.WithAsync<ChannelService, Channel>(s => s.ConnectAsync(ws, "test", "x", [], CancellationToken.None)));
        Assert.Contains("token", invalid.Errors.Keys);
        await Assert.ThrowsAsync<InputValidationException>(() => h.WithAsync<ChannelService, Channel>(s => s.ConnectAsync(ws, "telegram", "x", new JsonObject { ["token"] = "t" }, CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => h.WithAsync<ChannelService, Channel>(s => s.GetAsync(other, channelId, CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => h.WithAsync<ChannelService>(s => s.DisconnectAsync(other, channelId, CancellationToken.None)));

        await h.WithAsync<ChannelService>(s => s.DisconnectAsync(ws, channelId, CancellationToken.None));
        Assert.Empty(await h.WithAsync<ChannelService, List<Channel>>(s => s.ListAsync(ws, CancellationToken.None)));
        Assert.Equal(ChannelState.Disconnected, await h.DbAsync(db => db.Channels.Where(c => c.Id == channelId).Select(c => c.State).SingleAsync()));
    }
}
