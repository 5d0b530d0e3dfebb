using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Sahut.Domain;

namespace Sahut.Channels;

/// <summary>Encrypts channel settings (tokens, passwords) at rest with ASP.NET Data Protection.</summary>
public sealed class ChannelSettingsProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Sahut.Channels.Settings.v1");

    public string Protect(JsonObject settings) => protector.Protect(settings.ToJsonString());

    public JsonObject Unprotect(string encrypted) =>
        JsonNode.Parse(protector.Unprotect(encrypted)) as JsonObject ?? throw new InvalidOperationException("Stored channel settings are not a JSON object.");

    /// <summary>The channel as plugins see it, settings decrypted.</summary>
    public ChannelContext ToContext(Channel channel) =>
        new(channel.WorkspaceId, channel.Id, channel.Type, channel.Name, channel.WebhookKey, Unprotect(channel.EncryptedSettings));
}
