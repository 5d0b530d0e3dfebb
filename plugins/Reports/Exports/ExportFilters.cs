using System.Globalization;
using Microsoft.Extensions.Primitives;
using Sahut.Exports;

namespace Sahut.Plugins.Reports.Exports;

/// <summary>The export query string (<c>from</c>, <c>to</c> as yyyy-MM-dd; <c>channelId</c>, <c>agentId</c>), with the problems found in it.</summary>
public sealed record ExportFilters(DateOnly? From, DateOnly? To, Guid? ChannelId, Guid? AgentId)
{
    public ExportRequest For(Guid workspaceId) => new(workspaceId, From, To, ChannelId, AgentId);

    public static ExportFilters Parse(IEnumerable<KeyValuePair<string, StringValues>> values, out Dictionary<string, string[]> errors)
    {
        var query = values.ToDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var problems = new Dictionary<string, string[]>();
        var filters = new ExportFilters(
            Date(query, "from", problems),
            Date(query, "to", problems),
            Id(query, "channelId", problems),
            Id(query, "agentId", problems));
        if (filters is { From: { } from, To: { } to } && to < from)
        {
            problems["to"] = ["'to' is before 'from'."];
        }

        errors = problems;
        return filters;
    }

    /// <summary>The same filters as a query string, for links and the page's fetches.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (From is { } from)
        {
            parts.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            parts.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (ChannelId is { } channel)
        {
            parts.Add("channelId=" + channel);
        }

        if (AgentId is { } agent)
        {
            parts.Add("agentId=" + agent);
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static DateOnly? Date(Dictionary<string, string> query, string name, Dictionary<string, string[]> problems)
    {
        var raw = query.GetValueOrDefault(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems[name] = ["Use a date like 2026-11-01."];
        return null;
    }

    private static Guid? Id(Dictionary<string, string> query, string name, Dictionary<string, string[]> problems)
    {
        var raw = query.GetValueOrDefault(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (Guid.TryParse(raw, out var id))
        {
            return id;
        }

        problems[name] = ["Use an id."];
        return null;
    }
}
