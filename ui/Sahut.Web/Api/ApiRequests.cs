using System.Text.Json;
using System.Text.Json.Nodes;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Inbox;

namespace Sahut.Web.Api;

public sealed record ConnectChannelRequest(string? Type, string? Name, JsonObject? Settings);

public sealed record TemplateRequest(string? Name, string? Language, JsonElement? Parameters)
{
    /// <summary>Parameters are strings (positional) or <c>{name, value}</c> objects (named).</summary>
    public OutboundTemplate ToTemplate()
    {
        var parameters = new List<OutboundTemplateParameter>();
        if (Parameters is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                parameters.Add(item.ValueKind switch
                {
                    JsonValueKind.String => new OutboundTemplateParameter(null, item.GetString()!),
                    JsonValueKind.Number => new OutboundTemplateParameter(null, item.GetRawText()),
                    JsonValueKind.Object when item.TryGetProperty("value", out var value) =>
                        new OutboundTemplateParameter(item.TryGetProperty("name", out var name) ? name.GetString() : null, value.ToString()),
                    _ => throw InputValidationException.For("template.parameters", "Each parameter is a string or an object {name, value}."),
                });
            }
        }
        else if (Parameters is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined })
        {
            throw InputValidationException.For("template.parameters", "Parameters must be an array.");
        }

        return new OutboundTemplate(Name ?? "", Language ?? "", parameters);
    }
}

public sealed record PostMessageRequest(string? Content, bool? Private, TemplateRequest? Template)
{
    public ReplyContent ToReply() => new(Content, Template?.ToTemplate());
}

public sealed record SendMessageRequest(Guid? ChannelId, string? To, string? Content, TemplateRequest? Template)
{
    public ReplyContent ToReply() => new(Content, Template?.ToTemplate());
}

public sealed record AssignmentRequest(Guid? AssigneeId);

public sealed record StatusRequest(string? Status)
{
    public ConversationStatus Parse() =>
        Enum.TryParse<ConversationStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : throw InputValidationException.For("status", "Status is one of open, pending, resolved.");
}
