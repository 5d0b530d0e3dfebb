using System.Text.Json.Nodes;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Providers.Cloud;
using Sahut.Plugins.WhatsApp.Templates;
using Sahut.Plugins.WhatsApp.Tests.Infrastructure;

namespace Sahut.Plugins.WhatsApp.Tests.Templates;

public sealed class TemplateValidationTests
{
    private static TemplateDefinition FromFixture(string name)
    {
        var item = Fixture.Json("outbound/templates-list.response.json")["data"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == name)!;
        return new TemplateDefinition(name, item["language"]!.GetValue<string>(), item["status"]!.GetValue<string>(), item["category"]!.GetValue<string>(),
            item["parameter_format"]!.GetValue<string>(), item["id"]!.GetValue<string>(), item["components"]!.ToJsonString());
    }

    private static OutboundTemplate Positional(string name, string language, params string[] values) =>
        new(name, language, values.Select(v => new OutboundTemplateParameter(null, v)).ToList());

    private static OutboundTemplate Named(string name, string language, params (string Name, string Value)[] values) =>
        new(name, language, values.Select(v => new OutboundTemplateParameter(v.Name, v.Value)).ToList());

    [Fact]
    public void Positional_template_needs_exactly_its_placeholders()
    {
        var template = FromFixture("order_shipped");
        Assert.Empty(TemplateParameterValidator.Validate(template, Positional("order_shipped", "id", "Rina", "JNE 0123 4567 8901")));
        Assert.Contains("expects 2 parameter(s), 1 given", Assert.Single(TemplateParameterValidator.Validate(template, Positional("order_shipped", "id", "Rina"))), StringComparison.Ordinal);
        Assert.NotEmpty(TemplateParameterValidator.Validate(template, Positional("order_shipped", "id", "Rina", "x", "y")));
        Assert.NotEmpty(TemplateParameterValidator.Validate(template, Positional("order_shipped", "id", "Rina", " ")));
        Assert.NotEmpty(TemplateParameterValidator.Validate(template, Named("order_shipped", "id", ("1", "Rina"), ("2", "x"))));
    }

    [Fact]
    public void Named_template_needs_every_name_once_and_no_others()
    {
        var template = FromFixture("ticket_update");
        var ok = Named("ticket_update", "en_US", ("header", "https://cdn.example.com/brand/header.jpg"), ("customer_name", "Rina"), ("ticket_id", "SUP-20931"));
        Assert.Empty(TemplateParameterValidator.Validate(template, ok));

        var missing = TemplateParameterValidator.Validate(template, Named("ticket_update", "en_US", ("header", "https://cdn.example.com/h.jpg"), ("customer_name", "Rina")));
        Assert.Contains("Parameter 'ticket_id' is missing.", missing);
        var unknown = TemplateParameterValidator.Validate(template, Named("ticket_update", "en_US", ("header", "https://cdn.example.com/h.jpg"), ("customer_name", "Rina"), ("ticket_id", "1"), ("order", "2")));
        Assert.Contains("Template 'ticket_update' has no parameter 'order'.", unknown);
        Assert.NotEmpty(TemplateParameterValidator.Validate(template, Positional("ticket_update", "en_US", "https://cdn.example.com/h.jpg", "Rina", "SUP-1")));
        Assert.NotEmpty(TemplateParameterValidator.Validate(template, Named("ticket_update", "en_US", ("header", "not a link"), ("customer_name", "Rina"), ("ticket_id", "1"))));
    }

    [Fact]
    public void Unknown_or_unapproved_templates_are_refused()
    {
        Assert.NotEmpty(TemplateParameterValidator.Validate(null, Positional("order_shiped", "id", "Rina")));
        Assert.Contains("PENDING", Assert.Single(TemplateParameterValidator.Validate(FromFixture("promo_akhir_bulan"), Positional("promo_akhir_bulan", "id", "20", "31 Juli"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_match_Metas_documented_bodies()
    {
        var positional = CloudRequestBuilder.Build(Message(Positional("order_shipped", "id", "Rina", "JNE 0123 4567 8901")), FromFixture("order_shipped"), quoteReplies: false);
        var expectedPositional = Fixture.Json("outbound/send-template-positional.request.json");
        expectedPositional.Remove("_http");
        // The fixture also fills the optional quick-reply payload; Sahut leaves it to the template's default.
        expectedPositional["template"]!["components"]!.AsArray().RemoveAt(1);
        Assert.True(JsonNode.DeepEquals(expectedPositional, positional), positional.ToJsonString());

        var named = CloudRequestBuilder.Build(
            Message(Named("ticket_update", "en_US", ("header", "https://cdn.example.com/brand/header.jpg"), ("customer_name", "Rina"), ("ticket_id", "SUP-20931"))),
            FromFixture("ticket_update"),
            quoteReplies: false);
        var expectedNamed = Fixture.Json("outbound/send-template-named.request.json");
        expectedNamed.Remove("_http");
        Assert.True(JsonNode.DeepEquals(expectedNamed, named), named.ToJsonString());
    }

    [Fact]
    public void Text_reply_quotes_only_when_the_channel_asks_for_it()
    {
        var expected = Fixture.Json("outbound/send-text-reply.request.json");
        expected.Remove("_http");
        var message = new OutboundMessage(Guid.NewGuid(), Guid.NewGuid(), "+6281377712345", expected["text"]!["body"]!.GetValue<string>(), null,
            "wamid.GA02MjgxMzc3NzEyMzQ1FQIAEhgUODc2OUIxNjk0NDFDQjc4N0QxRUQA", [], new Dictionary<string, string>());
        Assert.True(JsonNode.DeepEquals(expected, CloudRequestBuilder.Build(message, null, quoteReplies: true)));
        Assert.Null(CloudRequestBuilder.Build(message, null, quoteReplies: false)["context"]);
    }

    private static OutboundMessage Message(OutboundTemplate template) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "+6281377712345", null, template, null, [], new Dictionary<string, string>());
}
