using System.Text.Json;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Errors;

namespace Sahut.Web.Commands;

/// <summary>
/// The executable's scripting commands: <c>setup</c> and <c>member add</c>. Each prints one JSON object on success,
/// or a message on stderr with exit code 1.
/// </summary>
internal static class CliCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "setup" or "member";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = ParseOptions(args);
        await using var scope = services.CreateAsyncScope();
        try
        {
            object result = args switch
            {
                ["setup", ..] => await SetupAsync(scope.ServiceProvider, options, cancellationToken),
                ["member", "add", ..] => await AddMemberAsync(scope.ServiceProvider, options, cancellationToken),
                _ => throw new InputValidationException(new Dictionary<string, string[]>(), Usage),
            };
            await output.WriteLineAsync(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
            return 0;
        }
        catch (SahutException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private const string Usage =
        "Usage: setup --workspace NAME --email EMAIL --password PASSWORD | member add --workspace ID --email EMAIL --password PASSWORD --role Owner|Admin|Agent";

    private static async Task<object> SetupAsync(IServiceProvider services, Dictionary<string, string> options, CancellationToken cancellationToken)
    {
        var setup = services.GetRequiredService<SetupService>();
        var result = await setup.SetupAsync(Required(options, "workspace"), Required(options, "email"), Required(options, "password"), cancellationToken);
        return new { workspaceId = result.WorkspaceId, userId = result.UserId, apiToken = result.ApiToken };
    }

    private static async Task<object> AddMemberAsync(IServiceProvider services, Dictionary<string, string> options, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(Required(options, "workspace"), out var workspaceId))
        {
            throw InputValidationException.For("workspace", "--workspace takes the workspace id printed by setup.");
        }

        if (!Enum.TryParse<WorkspaceRole>(options.GetValueOrDefault("role", "Agent"), ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            throw InputValidationException.For("role", "--role is Owner, Admin or Agent.");
        }

        var workspaces = services.GetRequiredService<WorkspaceService>();
        var user = await workspaces.AddMemberAsync(workspaceId, Required(options, "email"), options.GetValueOrDefault("password"), role, cancellationToken);
        return new { userId = user.Id };
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw InputValidationException.For(name, $"--{name} is required. {Usage}");

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    options[name[..eq]] = name[(eq + 1)..];
                }
                else if (i + 1 < args.Length)
                {
                    options[name] = args[++i];
                }
            }
        }

        return options;
    }
}
