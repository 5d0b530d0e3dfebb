using Microsoft.Extensions.DependencyInjection;
using Sahut.Accounts;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Web.Tests.Pages;

/// <summary>
/// Two workspaces that must not see each other: A (owner + agent) and B (another owner), each with a channel,
/// a contact and a conversation, inserted straight into the database.
/// </summary>
public sealed record WorkspaceWorld(Guid WorkspaceA, Guid ConversationA, Guid WorkspaceB, Guid ConversationB, Guid ChannelB)
{
    public const string Password = "Rahasia123";
    public const string OwnerA = "owner-a@example.com";
    public const string AgentA = "agent-a@example.com";
    public const string OwnerB = "owner-b@example.com";

    public static async Task<WorkspaceWorld> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var setup = await sp.GetRequiredService<SetupService>().SetupAsync("Toko A", OwnerA, Password, CancellationToken.None);
        var workspaces = sp.GetRequiredService<WorkspaceService>();
        await workspaces.AddMemberAsync(setup.WorkspaceId, AgentA, Password, WorkspaceRole.Agent, CancellationToken.None);
        var ownerB = await workspaces.AddMemberAsync(setup.WorkspaceId, OwnerB, Password, WorkspaceRole.Agent, CancellationToken.None);
        await workspaces.RemoveMemberAsync(setup.WorkspaceId, ownerB.Id, CancellationToken.None);
        var b = await workspaces.CreateAsync("Toko B", ownerB.Id, null, CancellationToken.None);

        var db = sp.GetRequiredService<SahutDbContext>();
        var (_, conversationA) = Seed(db, setup.WorkspaceId, "Pelanggan A", "+6281100000001");
        var (channelB, conversationB) = Seed(db, b.Id, "Pelanggan B", "+6281100000002");
        await db.SaveChangesAsync();
        return new WorkspaceWorld(setup.WorkspaceId, conversationA, b.Id, conversationB, channelB);
    }

    private static (Guid Channel, Guid Conversation) Seed(SahutDbContext db, Guid workspaceId, string name, string phone)
    {
        var now = DateTime.UtcNow;
        var channel = new Channel { WorkspaceId = workspaceId, Type = "whatsapp", Name = "CS", EncryptedSettings = "-", WebhookKey = Guid.NewGuid().ToString("N"), CreatedAt = now };
        var contact = new Contact { WorkspaceId = workspaceId, Name = name, CreatedAt = now };
        contact.Identities.Add(new ContactIdentity { WorkspaceId = workspaceId, ContactId = contact.Id, Kind = "phone", Value = phone });
        var conversation = new Conversation
        {
            WorkspaceId = workspaceId, ChannelId = channel.Id, ContactId = contact.Id, CreatedAt = now, LastMessageAt = now, LastInboundAt = now,
            MessagesIn = 1, LastMessagePreview = "Halo",
        };
        db.AddRange(channel, contact, conversation);
        db.Messages.Add(new Message
        {
            WorkspaceId = workspaceId, ConversationId = conversation.Id, ChannelId = channel.Id, Direction = MessageDirection.In,
            Kind = "text", Body = "Halo", ProviderMessageId = "wamid." + Guid.NewGuid().ToString("N"), CreatedAt = now,
        });
        return (channel.Id, conversation.Id);
    }
}
