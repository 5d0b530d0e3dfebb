namespace Sahut.TestPlugins.Channel.Data;

/// <summary>A webhook delivery as received, kept in the plugin's own table.</summary>
public sealed class TestChatDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ChannelId { get; set; }
    public required string Body { get; set; }
    public DateTime ReceivedAt { get; set; }
}
