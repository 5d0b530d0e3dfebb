using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sahut.Plugins.WhatsApp.Tests.Infrastructure;

namespace Sahut.Plugins.WhatsApp.Tests.EndToEnd;

/// <summary>Templates: paged sync from the WABA, the picker list, 422 before queuing, Messages API to a new number, status webhook.</summary>
public sealed class TemplateEndToEndTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Sync_validate_send_via_messages_api_and_status_webhook(string database)
    {
        await using var stack = await WhatsAppStack.StartAsync(database);
        stack.Fake.Templates.AddRange(Fixture.Json("outbound/templates-list.response.json")["data"]!.AsArray().Select(t => t!.DeepClone().AsObject()));
        stack.Fake.TemplatePageSize = 1;
        var templates = stack.Ws($"channels/{stack.ChannelId}/whatsapp/templates");

        var synced = await stack.Api.PostAsync(templates + "/sync", null);
        Assert.Equal(HttpStatusCode.OK, synced.StatusCode);
        Assert.Equal(4, (await synced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("synced").GetInt32());
        Assert.Equal(4, stack.Fake.Requests.Count(r => r.Path.EndsWith("/message_templates", StringComparison.Ordinal)));

        var approved = await stack.Api.GetFromJsonAsync<JsonElement[]>(templates);
        Assert.Equal(["order_shipped", "ticket_update"], approved!.Select(t => t.GetProperty("name").GetString()).Order());
        Assert.Equal(["header", "customer_name", "ticket_id"], approved!.Single(t => t.GetProperty("name").GetString() == "ticket_update").GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));

        async Task<HttpResponseMessage> SendTemplate(object template) =>
            await stack.Api.PostAsJsonAsync(stack.Ws("messages"), new { channelId = stack.ChannelId, to = "0813-7771-2345", template });

        var tooFew = await SendTemplate(new { name = "order_shipped", language = "id", parameters = new[] { "Rina" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFew.StatusCode);
        var problem = await tooFew.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("template-invalid", problem.GetProperty("rule").GetString());
        Assert.Contains("expects 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendTemplate(new { name = "promo_akhir_bulan", language = "id", parameters = new[] { "20", "31 Juli" } })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendTemplate(new { name = "ticket_update", language = "en_US", parameters = new object[] { new { name = "customer_name", value = "Rina" } } })).StatusCode);
        Assert.Empty(await stack.ConversationsAsync());

        var accepted = await SendTemplate(new
        {
            name = "ticket_update",
            language = "en_US",
            parameters = new object[] { new { name = "header", value = "https://cdn.example.com/brand/header.jpg" }, new { name = "customer_name", value = "Rina" }, new { name = "ticket_id", value = "SUP-20931" } },
        });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var send = await stack.Fake.WaitForAsync(r => r.Path.EndsWith("/messages", StringComparison.Ordinal));
        var expected = Fixture.Json("outbound/send-template-named.request.json");
        expected.Remove("_http");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(send.Body)), send.Body);

        var statusUpdate = Fixture.Text("outbound/template-status-update.webhook.json");
        stack.Fake.Templates.Single(t => t["name"]!.GetValue<string>() == "promo_akhir_bulan")["status"] = "APPROVED";
        Assert.Equal(HttpStatusCode.OK, (await stack.DeliverAsync(statusUpdate)).StatusCode);
        for (var i = 0; i < 100 && (await stack.Api.GetFromJsonAsync<JsonElement[]>(templates))!.Length < 3; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(3, (await stack.Api.GetFromJsonAsync<JsonElement[]>(templates))!.Length);
    }
}
