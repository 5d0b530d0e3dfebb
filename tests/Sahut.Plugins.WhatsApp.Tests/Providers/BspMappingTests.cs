using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sahut.Channels;
using Sahut.FakeGraphApi;
using Sahut.Plugins.WhatsApp.Providers.Dialog360;
using Sahut.Plugins.WhatsApp.Providers.Qontak;
using Sahut.Plugins.WhatsApp.Providers.Wati;
using Sahut.Plugins.WhatsApp.Sending;
using Sahut.Plugins.WhatsApp.Settings;
using Sahut.Plugins.WhatsApp.Tests.Infrastructure;

namespace Sahut.Plugins.WhatsApp.Tests.Providers;

/// <summary>Each BSP's inbound mapping, echo filtering and webhook authentication; 360dialog's send against the fake.</summary>
public sealed class BspMappingTests
{
    private static WebhookBatchEvents Events(Sahut.Plugins.WhatsApp.Webhooks.WebhookBatch batch) => new(batch.Events.SelectMany(g => g.Events).ToList());

    private sealed record WebhookBatchEvents(List<InboundEvent> All);

    [Fact]
    public void Wati_customer_message_maps_and_business_echoes_only_update_status()
    {
        var inbound = """{"id":"1a2b","created":"2022-10-14T05:53:01Z","whatsappMessageId":"wamid.wati1","conversationId":"c1","ticketId":"t1","text":"Hello there","type":"text","data":null,"timestamp":"1665726781","owner":false,"eventType":"message","waId":"6281377712345","senderName":"Rina"}""";
        var message = Assert.IsType<InboundMessage>(Assert.Single(Events(WatiWebhookParser.Parse(Encoding.UTF8.GetBytes(inbound))).All));
        Assert.Equal(("wamid.wati1", "+6281377712345", "Rina", "Hello there", MessageKinds.Text), (message.ProviderMessageId, message.From, message.FromName, message.Body, message.Kind));

        var echo = """{"eventType":"sessionMessageSent","id":"x1","whatsappMessageId":"wamid.ours","text":"Baik kak","type":"text","timestamp":"1665650047","owner":true,"statusString":"SENT","waId":"6281377712345"}""";
        var statuses = Events(WatiWebhookParser.Parse(Encoding.UTF8.GetBytes(echo))).All.Select(Assert.IsType<InboundStatus>).ToList();
        Assert.Equal(["wamid.ours", "x1"], statuses.Select(s => s.ProviderMessageId));
        Assert.All(statuses, s => Assert.Equal(DeliveryStatus.Sent, s.Status));

        // A template's events also carry the localMessageId its send returned; a failure keeps Wati's detail.
        var failed = """{"eventType":"sessionMessageFailed","id":"x2","localMessageId":"loc-1","statusString":"Failed","timestamp":"1793318400","failedCode":"131026","failedDetail":"Message could not be delivered."}""";
        var failure = Events(WatiWebhookParser.Parse(Encoding.UTF8.GetBytes(failed))).All.Select(Assert.IsType<InboundStatus>).ToList();
        Assert.Equal(["loc-1", "x2"], failure.Select(s => s.ProviderMessageId));
        Assert.All(failure, s => Assert.Equal((DeliveryStatus.Failed, "131026", "Message could not be delivered."), (s.Status, s.ErrorCode, s.ErrorReason)));

        var read = """{"eventType":"sentMessageREAD_v2","whatsappMessageId":"wamid.ours","owner":true,"timestamp":"1665650050"}""";
        Assert.Equal(DeliveryStatus.Read, Assert.IsType<InboundStatus>(Assert.Single(Events(WatiWebhookParser.Parse(Encoding.UTF8.GetBytes(read))).All)).Status);
        Assert.Empty(Events(WatiWebhookParser.Parse("""{"eventType":"newContactMessageReceived","waId":"6281377712345","senderName":"Rina"}"""u8.ToArray())).All);
        Assert.Throws<Sahut.Plugins.WhatsApp.Webhooks.WebhookFormatException>(() => WatiWebhookParser.Parse("""{"text":"no event type"}"""u8.ToArray()));
    }

    [Fact]
    public void Qontak_customer_message_maps_with_its_room_and_agent_echoes_only_update_status()
    {
        var customer = """{"id":"4198c4b2","type":"text","room_id":"room-1","sender_id":"s1","sender_type":"Models::Contact","sender":{"name":"Burhanudin"},"text":"helo","status":"created","participant_type":"customer","external_id":"ABEGYoEX","created_at":"2021-03-03T22:53:29.000Z","reply":null,"room":{"id":"room-1","name":"Burhanudin","channel":"wa","account_uniq_id":"628117661000","channel_integration_id":"ci-1"}}""";
        var message = Assert.IsType<InboundMessage>(Assert.Single(Events(QontakWebhookParser.Parse(Encoding.UTF8.GetBytes(customer))).All));
        Assert.Equal(("4198c4b2", "+628117661000", "Burhanudin", "helo", "room-1"), (message.ProviderMessageId, message.From, message.FromName, message.Body, message.ThreadKey));
        Assert.Equal(new DateTime(2021, 3, 3, 22, 53, 29, DateTimeKind.Utc), message.Timestamp);

        var agentEcho = customer.Replace("\"participant_type\":\"customer\"", "\"participant_type\":\"agent\"", StringComparison.Ordinal).Replace("\"status\":\"created\"", "\"status\":\"read\"", StringComparison.Ordinal);
        var echoBatch = QontakWebhookParser.Parse(Encoding.UTF8.GetBytes(agentEcho));
        Assert.Empty(Events(echoBatch).All);
        var echoStatus = Assert.Single(echoBatch.WhatsAppIdStatuses!);
        Assert.Equal(("4198c4b2", DeliveryStatus.Read, "ABEGYoEX"), (echoStatus.Status.ProviderMessageId, echoStatus.Status.Status, echoStatus.WhatsAppMessageId));

        // Without a WhatsApp id there is nothing to link: the status goes to the core under Qontak's id alone.
        var withoutWhatsAppId = agentEcho.Replace("\"external_id\":\"ABEGYoEX\"", "\"external_id\":null", StringComparison.Ordinal);
        var status = Assert.IsType<InboundStatus>(Assert.Single(Events(QontakWebhookParser.Parse(Encoding.UTF8.GetBytes(withoutWhatsAppId))).All));
        Assert.Equal(("4198c4b2", DeliveryStatus.Read), (status.ProviderMessageId, status.Status));
        Assert.Throws<Sahut.Plugins.WhatsApp.Webhooks.WebhookFormatException>(() => QontakWebhookParser.Parse("""{"id":"x"}"""u8.ToArray()));
    }

    [Fact]
    public void Bsp_webhooks_need_the_configured_secret_header_when_one_is_set()
    {
        var settings = WhatsAppSettings.From(new JsonObject { ["provider"] = "wati", ["webhookSecret"] = "rahasia", ["webhookSecretHeader"] = "X-Wati-Secret" });
        var provider = new WatiProvider(new ProviderHttp(new WhatsAppOptions()));
        Assert.True(provider.IsAuthentic(settings, new HeaderDictionary { ["X-Wati-Secret"] = "rahasia" }, []));
        Assert.False(provider.IsAuthentic(settings, new HeaderDictionary { ["X-Wati-Secret"] = "salah" }, []));
        Assert.False(provider.IsAuthentic(settings, new HeaderDictionary(), []));
        Assert.True(provider.IsAuthentic(WhatsAppSettings.From(new JsonObject { ["provider"] = "wati" }), new HeaderDictionary(), []));
    }

    [Fact]
    public async Task Dialog360_sends_cloud_shaped_bodies_with_its_api_key_and_downloads_media_from_its_host()
    {
        await using var fake = await FakeGraphServer.StartAsync();
        var provider = new Dialog360Provider(new ProviderHttp(new WhatsAppOptions()));
        var settings = WhatsAppSettings.From(new JsonObject { ["provider"] = "360dialog", ["apiKey"] = fake.Dialog360ApiKey, ["apiBaseUrl"] = fake.BaseUrl });

        var result = await provider.SendAsync(Guid.NewGuid(), settings, new OutboundMessage(Guid.NewGuid(), Guid.NewGuid(), "+6281377712345", "Halo", null, null, [], new Dictionary<string, string>()), null, CancellationToken.None);

        var send = Assert.Single(fake.Sends);
        Assert.Equal("/messages", send.Path);
        Assert.Equal(fake.Dialog360ApiKey, send.Header("D360-API-KEY"));
        Assert.Null(send.Header("Authorization"));
        Assert.Equal("whatsapp", send.Json.GetProperty("messaging_product").GetString());
        Assert.Equal(Assert.Single(fake.IssuedMessageIds), result.ProviderMessageId);

        fake.AddMedia(new FakeMedia("m-360", [1, 2, 3], "image/png"));
        var media = await provider.DownloadMediaAsync(settings, "m-360", CancellationToken.None);
        Assert.Equal([1, 2, 3], media.Content);

        var inbound = Assert.IsType<InboundMessage>(Assert.Single(Events(provider.Parse(Fixture.Bytes("01-inbound-text.json"))).All));
        Assert.Equal("+6281377712345", inbound.From);

        var badKey = WhatsAppSettings.From(new JsonObject { ["provider"] = "360dialog", ["apiKey"] = "wrong", ["apiBaseUrl"] = fake.BaseUrl });
        var error = await Assert.ThrowsAsync<ChannelSendException>(() => provider.SendAsync(Guid.NewGuid(), badKey, new OutboundMessage(Guid.NewGuid(), Guid.NewGuid(), "+6281377712345", "Halo", null, null, [], new Dictionary<string, string>()), null, CancellationToken.None));
        Assert.True(error.ChannelNeedsReconnect);
    }

    [Theory]
    [InlineData("""{"provider":"cloud","phoneNumberId":"1","wabaId":"2","accessToken":"t","appSecret":"s","verifyToken":"v"}""", true)]
    [InlineData("""{"provider":"cloud","phoneNumberId":"1","wabaId":"2","accessToken":"t","verifyToken":"v"}""", false)]
    [InlineData("""{"provider":"cloud","phoneNumberId":"1","wabaId":"2","accessToken":"t","appSecret":"s","verifyToken":"v","apiBaseUrl":"ftp://x"}""", false)]
    [InlineData("""{"provider":"360dialog","apiKey":"k"}""", true)]
    [InlineData("""{"provider":"wati","accessToken":"t"}""", false)]
    [InlineData("""{"provider":"wati","accessToken":"t","apiBaseUrl":"https://live-mt-server.wati.io/123"}""", true)]
    [InlineData("""{"provider":"qontak","accessToken":"t","channelIntegrationId":"c"}""", true)]
    [InlineData("""{"provider":"telegram"}""", false)]
    public async Task Settings_validation_per_provider(string json, bool valid)
    {
        var http = new ProviderHttp(new WhatsAppOptions());
        var providers = new Sahut.Plugins.WhatsApp.Providers.WhatsAppProviders([
            new Sahut.Plugins.WhatsApp.Providers.Cloud.CloudApiProvider(http), new Dialog360Provider(http), new WatiProvider(http), new QontakProvider(http, null!, Microsoft.Extensions.Logging.Abstractions.NullLogger<QontakProvider>.Instance)]);
        var channelType = new WhatsAppChannelType(providers, null!, null!, Microsoft.Extensions.Logging.Abstractions.NullLogger<WhatsAppChannelType>.Instance);
        var result = await channelType.ValidateSettingsAsync(JsonNode.Parse(json)!.AsObject(), CancellationToken.None);
        Assert.Equal(valid, result.IsValid);
        if (valid && json.Contains("\"cloud\"", StringComparison.Ordinal))
        {
            Assert.Equal("https://graph.facebook.com/v23.0", result.Settings!["apiBaseUrl"]!.GetValue<string>());
        }
    }
}
