using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;
using Sahut.Domain;

namespace Sahut.Web.Tests.Team;

/// <summary>SignalR clients of two workspaces: each receives its own workspace's events and never the other's.</summary>
public sealed class RealtimeIsolationTests(TeamServer server) : IClassFixture<TeamServer>
{
    private const string OtherOwner = "owner@tokolain.id";

    [Fact]
    public async Task Events_reach_every_browser_of_their_workspace_and_never_cross_workspaces()
    {
        var other = await OtherWorkspaceAsync();
        using var sari = await server.LogInAsync(TeamServer.Sari);
        using var budi = await server.LogInAsync(TeamServer.Budi);
        using var stranger = await server.LogInAsync(OtherOwner);
        await using var sariHub = sari.Hub();
        await using var budiHub = budi.Hub();
        await using var strangerHub = stranger.Hub();
        var sariEvents = Record(sariHub);
        var budiEvents = Record(budiHub);
        var strangerEvents = Record(strangerHub);
        foreach (var hub in new[] { sariHub, budiHub, strangerHub })
        {
            await hub.StartAsync();
        }

        await sariHub.InvokeAsync<JsonElement>("JoinWorkspace", server.WorkspaceId);
        await budiHub.InvokeAsync<JsonElement>("JoinWorkspace", server.WorkspaceId);
        await strangerHub.InvokeAsync<JsonElement>("JoinWorkspace", other);

        // Joining a workspace one is not a member of is refused like a missing one.
        await Assert.ThrowsAsync<HubException>(() => strangerHub.InvokeAsync<JsonElement>("JoinWorkspace", server.WorkspaceId));

        var conversation = await server.CustomerWritesAsync("081300000001", "Rina", "Halo kak");
        await sariHub.InvokeAsync<JsonElement>("OpenConversation", server.WorkspaceId, conversation);
        var typing = await sariHub.InvokeAsync<JsonElement>("Typing", server.WorkspaceId, conversation);
        Assert.True(typing.GetProperty("granted").GetBoolean());
        var denied = await budiHub.InvokeAsync<JsonElement>("Typing", server.WorkspaceId, conversation);
        Assert.False(denied.GetProperty("granted").GetBoolean());
        Assert.Equal("Sari", denied.GetProperty("holderName").GetString());
        await Assert.ThrowsAsync<HubException>(() => strangerHub.InvokeAsync<JsonElement>("OpenConversation", other, conversation));

        var messages = $"/api/v1/workspaces/{server.WorkspaceId}/conversations/{conversation}";
        Assert.True((await sari.Http.PostAsJsonAsync($"{messages}/messages", new { content = "@budi bantu cek", @private = true })).IsSuccessStatusCode);
        Assert.True((await sari.Http.PostAsJsonAsync($"{messages}/messages", new { content = "Baik kak" })).IsSuccessStatusCode);
        Assert.True((await sari.Http.PostAsJsonAsync($"{messages}/status", new { status = "pending" })).IsSuccessStatusCode);
        Assert.True((await sari.Http.PostAsJsonAsync($"{messages}/assignment", new { assigneeId = server.UserIds[TeamServer.Budi] })).IsSuccessStatusCode);

        string[] expected = ["messageReceived", "presence", "replyLeaseChanged", "noteAdded", "messageSent", "conversationStatusChanged", "conversationAssigned"];
        foreach (var events in new[] { sariEvents, budiEvents })
        {
            await WaitForAsync(() => expected.All(type => events.Any(e => e.Type == type)));
        }

        // The mention goes to Budi alone.
        await WaitForAsync(() => budiEvents.Any(e => e.Type == "userMentioned"));
        Assert.DoesNotContain(sariEvents, e => e.Type == "userMentioned");

        // The other workspace's client is connected and hears its own workspace...
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Sahut.Data.SahutDbContext>();
            var otherConversation = await SeedConversationAsync(db, other);
            await scope.ServiceProvider.GetRequiredService<Sahut.Inbox.ConversationCommands>().SetStatusAsync(other, otherConversation, ConversationStatus.Pending, CancellationToken.None);
        }

        await WaitForAsync(() => strangerEvents.Any(e => e.Type == "conversationStatusChanged"));

        // ...and nothing of Toko Maju's ever reached it.
        Assert.All(strangerEvents, e => Assert.DoesNotContain(server.WorkspaceId.ToString(), e.Payload, StringComparison.OrdinalIgnoreCase));
        Assert.All(strangerEvents, e => Assert.DoesNotContain(conversation.ToString(), e.Payload, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(sariEvents, e => e.Payload.Contains(other.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    private static ConcurrentQueue<Received> Record(HubConnection hub)
    {
        var received = new ConcurrentQueue<Received>();
        hub.On<JsonElement>("events", list =>
        {
            foreach (var e in list.EnumerateArray())
            {
                received.Enqueue(new Received(e.GetProperty("type").GetString()!, e.GetRawText()));
            }
        });
        hub.On<JsonElement>("presence", e => received.Enqueue(new Received("presence", e.GetRawText())));
        return received;
    }

    private async Task<Guid> OtherWorkspaceAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var workspaces = scope.ServiceProvider.GetRequiredService<WorkspaceService>();
        var owner = await workspaces.AddMemberAsync(server.WorkspaceId, OtherOwner, TeamServer.Password, WorkspaceRole.Agent, CancellationToken.None);
        await workspaces.RemoveMemberAsync(server.WorkspaceId, owner.Id, CancellationToken.None);
        return (await workspaces.CreateAsync("Toko Lain", owner.Id, null, CancellationToken.None)).Id;
    }

    private static async Task<Guid> SeedConversationAsync(Sahut.Data.SahutDbContext db, Guid workspaceId)
    {
        var now = DateTime.UtcNow;
        var channel = new Channel { WorkspaceId = workspaceId, Type = "recording", Name = "CS", EncryptedSettings = "-", WebhookKey = Guid.NewGuid().ToString("N"), CreatedAt = now };
        var contact = new Contact { WorkspaceId = workspaceId, Name = "Pelanggan lain", CreatedAt = now };
        var conversation = new Conversation { WorkspaceId = workspaceId, ChannelId = channel.Id, ContactId = contact.Id, CreatedAt = now, LastMessageAt = now };
        db.AddRange(channel, contact, conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "expected real-time events did not arrive");
            await Task.Delay(50);
        }
    }

    private sealed record Received(string Type, string Payload);
}
