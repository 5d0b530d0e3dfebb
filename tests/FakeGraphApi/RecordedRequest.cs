using System.Text.Json;

namespace Sahut.FakeGraphApi;

/// <summary>One request the fake received, as it arrived.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    // Printed in assertion messages: show the raw body, never parse it (a GET has no JSON body).
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Method = {Method}, Path = {Path}, Query = {Query}, Body = {Body}");
        return true;
    }
}
