namespace Sahut.TestPlugins.Channel.Data;

/// <summary>What the channel was asked to send: the fake provider's record.</summary>
public sealed class TestChatSend
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChannelId { get; set; }
    public required string To { get; set; }
    public string? Text { get; set; }
    public string? Template { get; set; }
    public required string ProviderMessageId { get; set; }
}
