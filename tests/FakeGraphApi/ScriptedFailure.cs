namespace Sahut.FakeGraphApi;

/// <summary>What the next send answers instead of success: an error status and body, or a delay past the client's timeout.</summary>
public sealed record ScriptedFailure(int Status, string Body, TimeSpan Delay = default)
{
    /// <summary>An error in Meta's documented shape, e.g. <c>GraphError(131026, "Message undeliverable")</c>.</summary>
    public static ScriptedFailure GraphError(int code, string message, int status = 400) => new(status, System.Text.Json.JsonSerializer.Serialize(new
    {
        error = new
        {
            message = $"(#{code}) {message}",
            type = "OAuthException",
            code,
            error_data = new { messaging_product = "whatsapp", details = message },
            fbtrace_id = "FakeTrace" + code,
        },
    }));

    public static ScriptedFailure Hang(TimeSpan delay) => new(200, "", delay);

    internal Microsoft.AspNetCore.Http.IResult Respond() =>
        Microsoft.AspNetCore.Http.Results.Text(Body, "application/json", System.Text.Encoding.UTF8, Status);
}
