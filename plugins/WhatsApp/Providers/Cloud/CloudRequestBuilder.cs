using System.Text.Json.Nodes;
using Sahut.Channels;
using Sahut.Plugins.WhatsApp.Templates;

namespace Sahut.Plugins.WhatsApp.Providers.Cloud;

/// <summary>Builds Cloud API <c>/messages</c> bodies (also what 360dialog takes for Cloud numbers).</summary>
internal static class CloudRequestBuilder
{
    public static JsonObject Build(OutboundMessage message, TemplateDefinition? template, bool quoteReplies)
    {
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = message.To.TrimStart('+'),
        };
        if (message.Template is { } requested)
        {
            body["type"] = "template";
            body["template"] = Template(requested, template);
            return body;
        }

        if (quoteReplies && message.ReplyToProviderMessageId is { } quoted)
        {
            body["context"] = new JsonObject { ["message_id"] = quoted };
        }

        body["type"] = "text";
        body["text"] = new JsonObject { ["preview_url"] = false, ["body"] = message.Text ?? "" };
        return body;
    }

    private static JsonObject Template(OutboundTemplate requested, TemplateDefinition? template)
    {
        var components = new JsonArray();
        var result = new JsonObject
        {
            ["name"] = requested.Name,
            ["language"] = new JsonObject { ["code"] = requested.Language },
        };
        if (template is null)
        {
            // Not synced (e.g. a provider without a template list): pass the values through as body parameters.
            AddComponent(components, "body", requested.Parameters.Select(p => TextParameter(p.Name, p.Value)));
        }
        else if (template.IsNamed)
        {
            Named(TemplateShape.Of(template), requested.Parameters.ToDictionary(p => p.Name!, p => p.Value), components);
        }
        else
        {
            Positional(TemplateShape.Of(template), requested.Parameters.Select(p => p.Value).ToList(), components);
        }

        if (components.Count > 0)
        {
            result["components"] = components;
        }

        return result;
    }

    private static void Positional(TemplateShape shape, List<string> values, JsonArray components)
    {
        var next = 0;
        var header = new List<JsonObject>();
        if (shape.HeaderMediaFormat is { } format)
        {
            header.Add(MediaParameter(format, values[next++]));
        }

        header.AddRange(shape.HeaderText.Select(_ => TextParameter(null, values[next++])));
        AddComponent(components, "header", header);
        AddComponent(components, "body", shape.Body.Select(_ => TextParameter(null, values[next++])).ToList());
        foreach (var index in shape.UrlButtons)
        {
            AddButton(components, index, values[next++]);
        }
    }

    private static void Named(TemplateShape shape, Dictionary<string, string> values, JsonArray components)
    {
        var header = new List<JsonObject>();
        if (shape.HeaderMediaFormat is { } format)
        {
            header.Add(MediaParameter(format, values[TemplateShape.HeaderMediaName]));
        }

        header.AddRange(shape.HeaderText.Select(name => TextParameter(name, values[name])));
        AddComponent(components, "header", header);
        AddComponent(components, "body", shape.Body.Select(name => TextParameter(name, values[name])).ToList());
        foreach (var index in shape.UrlButtons)
        {
            AddButton(components, index, values[TemplateShape.ButtonName(index)]);
        }
    }

    private static void AddComponent(JsonArray components, string type, IEnumerable<JsonObject> parameters)
    {
        var list = new JsonArray(parameters.Cast<JsonNode>().ToArray());
        if (list.Count > 0)
        {
            components.Add(new JsonObject { ["type"] = type, ["parameters"] = list });
        }
    }

    private static void AddButton(JsonArray components, int index, string value) =>
        components.Add(new JsonObject
        {
            ["type"] = "button",
            ["sub_type"] = "url",
            ["index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["parameters"] = new JsonArray(TextParameter(null, value)),
        });

    private static JsonObject TextParameter(string? name, string value)
    {
        var parameter = new JsonObject { ["type"] = "text" };
        if (name is not null)
        {
            parameter["parameter_name"] = name;
        }

        parameter["text"] = value;
        return parameter;
    }

    private static JsonObject MediaParameter(string format, string link)
    {
        var type = format.ToLowerInvariant();
        return new JsonObject { ["type"] = type, [type] = new JsonObject { ["link"] = link } };
    }
}
