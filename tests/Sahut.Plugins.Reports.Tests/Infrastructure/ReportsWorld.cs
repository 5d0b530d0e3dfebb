using Microsoft.Extensions.DependencyInjection;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Plugins.Reports.Tests.Infrastructure;

/// <summary>
/// A workspace in Asia/Jakarta (UTC+7) with an owner, an admin and an agent, a WhatsApp and an email channel, and a
/// second workspace that must never show up. Conversations are inserted straight into the database.
/// </summary>
public sealed class ReportsWorld
{
    public const string OwnerEmail = "pemilik@tokomaju.id";
    public const string AgentEmail = "sari@tokomaju.id";
    public const string OtherOwnerEmail = "lain@tokolain.id";

    private ReportsWorld(ReportsApp app) => App = app;

    public ReportsApp App { get; }
    public Guid WorkspaceId { get; private set; }
    public string Token { get; private set; } = "";
    public Guid OwnerId { get; private set; }
    public Guid AgentId { get; private set; }
    public Guid WhatsAppChannel { get; private set; }
    public Guid EmailChannel { get; private set; }
    public Guid OtherWorkspaceId { get; private set; }
    public string OtherToken { get; private set; } = "";

    public string Api => $"/api/v1/workspaces/{WorkspaceId}";

    public static async Task<ReportsWorld> CreateAsync(ReportsApp app)
    {
        var world = new ReportsWorld(app);
        var setup = await app.SetupAsync("Toko Maju", OwnerEmail);
        world.WorkspaceId = setup.WorkspaceId;
        world.Token = setup.ApiToken;
        world.OwnerId = setup.UserId;
        world.AgentId = await app.AddMemberAsync(setup.WorkspaceId, AgentEmail, WorkspaceRole.Agent);

        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var otherOwner = await app.AddMemberAsync(setup.WorkspaceId, OtherOwnerEmail, WorkspaceRole.Agent);
        await sp.GetRequiredService<Sahut.Accounts.WorkspaceService>().RemoveMemberAsync(setup.WorkspaceId, otherOwner, CancellationToken.None);
        var other = await sp.GetRequiredService<Sahut.Accounts.WorkspaceService>().CreateAsync("Toko Lain", otherOwner, null, CancellationToken.None);
        world.OtherWorkspaceId = other.Id;
        (_, world.OtherToken) = await sp.GetRequiredService<Sahut.Accounts.ApiTokenService>().CreateAsync(other.Id, "ci", otherOwner, CancellationToken.None);

        var db = sp.GetRequiredService<SahutDbContext>();
        world.WhatsAppChannel = AddChannel(db, setup.WorkspaceId, "whatsapp", "CS Jakarta");
        world.EmailChannel = AddChannel(db, setup.WorkspaceId, "email", "Support");
        var foreignChannel = AddChannel(db, other.Id, "whatsapp", "Lain");
        db.Conversations.Add(NewConversation(other.Id, foreignChannel, AddContact(db, other.Id, "Rahasia Lain", "+6289900000000", null), Utc("2026-11-05T03:00:00Z")));
        await db.SaveChangesAsync();
        return world;
    }

    public static DateTime Utc(string iso) => DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

    /// <summary>Adds a contact and a conversation on it; returns the conversation id.</summary>
    public async Task<Guid> AddConversationAsync(
        string contactName, string? phone, string? email, DateTime createdUtc, Guid? channel = null, Guid? assignee = null,
        TimeSpan? firstResponseAfter = null, TimeSpan? resolvedAfter = null, int messagesIn = 1, int messagesOut = 0, int notes = 0)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SahutDbContext>();
        var contact = AddContact(db, WorkspaceId, contactName, phone, email, createdUtc);
        var conversation = NewConversation(WorkspaceId, channel ?? WhatsAppChannel, contact, createdUtc);
        conversation.AssigneeId = assignee;
        conversation.FirstResponseAt = createdUtc + firstResponseAfter;
        conversation.ResolvedAt = createdUtc + resolvedAfter;
        conversation.Status = resolvedAfter is null ? ConversationStatus.Open : ConversationStatus.Resolved;
        conversation.MessagesIn = messagesIn;
        conversation.MessagesOut = messagesOut;
        conversation.NotesCount = notes;
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
    }

    private static Guid AddChannel(SahutDbContext db, Guid workspaceId, string type, string name)
    {
        var channel = new Channel { WorkspaceId = workspaceId, Type = type, Name = name, EncryptedSettings = "-", WebhookKey = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow };
        db.Channels.Add(channel);
        return channel.Id;
    }

    private static Guid AddContact(SahutDbContext db, Guid workspaceId, string name, string? phone, string? email, DateTime? createdUtc = null)
    {
        var contact = new Contact { WorkspaceId = workspaceId, Name = name, CreatedAt = createdUtc ?? DateTime.UtcNow };
        if (phone is not null)
        {
            contact.Identities.Add(new ContactIdentity { WorkspaceId = workspaceId, ContactId = contact.Id, Kind = "phone", Value = phone });
        }

        if (email is not null)
        {
            contact.Identities.Add(new ContactIdentity { WorkspaceId = workspaceId, ContactId = contact.Id, Kind = "email", Value = email });
        }

        db.Contacts.Add(contact);
        return contact.Id;
    }

    private static Conversation NewConversation(Guid workspaceId, Guid channelId, Guid contactId, DateTime createdUtc) => new()
    {
        WorkspaceId = workspaceId, ChannelId = channelId, ContactId = contactId, CreatedAt = createdUtc, LastMessageAt = createdUtc, LastInboundAt = createdUtc,
    };
}
