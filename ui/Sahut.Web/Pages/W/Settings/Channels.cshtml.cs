using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Web.Localization;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Pages.W.Settings;

/// <summary>
/// Connected channels and a connect form per installed channel type: the fields the plugin describes
/// (<see cref="IChannelSettingsForm"/>), or else a generic list of setting names and values that the plugin validates.
/// </summary>
public sealed class ChannelsModel(ChannelService channels, ChannelTypeRegistry types, FriendlyErrors errors, IStringLocalizer<SharedResource> text) : WorkspacePageModel
{
    public const int SettingRows = 8;

    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    public IReadOnlyCollection<IChannelType> Types => types.All;

    [BindProperty]
    public ConnectInput Input { get; set; } = new();

    /// <summary>The type whose form has errors, so it opens again with what was typed.</summary>
    public string? FailedType { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Channels = await channels.ListAsync(WorkspaceId, cancellationToken);

    public string? WebhookUrl(Channel channel) =>
        types.Find(channel.Type)?.Capabilities.Webhook == true
            ? $"{Request.Scheme}://{Request.Host}{Request.PathBase}/webhooks/{channel.Type}/{channel.WebhookKey}"
            : null;

    public string TypeName(string key) => types.Find(key)?.DisplayName ?? key;

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken cancellationToken)
    {
        var settings = new JsonObject();
        var form = types.Find(Input.Type ?? "") as IChannelSettingsForm;
        for (var i = 0; i < Input.Keys.Count && i < Input.Values.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(Input.Keys[i]) && !string.IsNullOrWhiteSpace(Input.Values[i]))
            {
                var key = Input.Keys[i]!.Trim();
                // A described field keeps its kind: ids made of digits stay text, only number fields become numbers.
                settings[key] = form?.SettingsFields.FirstOrDefault(f => f.Key == key) is { } field
                    ? field.Kind == ChannelSettingKind.Number && long.TryParse(Input.Values[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                        ? JsonValue.Create(number)
                        : JsonValue.Create(Input.Values[i]!.Trim())
                    : ToJson(Input.Values[i]);
            }
        }

        try
        {
            await channels.ConnectAsync(WorkspaceId, Input.Type ?? "", Input.Name ?? "", settings, cancellationToken);
        }
        catch (InputValidationException invalid)
        {
            FailedType = Input.Type;
            Errors = [.. invalid.Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))];
            await OnGetAsync(cancellationToken);
            return Page();
        }
        catch (SahutException refusal) when (refusal is not NotFoundException and not ForbiddenException)
        {
            FailedType = Input.Type;
            Errors = [errors.Describe(refusal)];
            await OnGetAsync(cancellationToken);
            return Page();
        }

        Flash = text["Channels_Connected"];
        return BackToSamePage();
    }

    public async Task<IActionResult> OnPostDisconnectAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await channels.DisconnectAsync(WorkspaceId, channelId, cancellationToken);
        Flash = text["Channels_Disconnected"];
        return BackToSamePage();
    }

    /// <summary>Numbers and booleans typed in the generic form are sent as JSON numbers and booleans (ports, flags).</summary>
    private static JsonNode? ToJson(string? value)
    {
        var text = value?.Trim() ?? "";
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && !text.StartsWith('+') && !text.StartsWith('0'))
        {
            return JsonValue.Create(number);
        }

        return text switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ => JsonValue.Create(text),
        };
    }

    public sealed class ConnectInput
    {
        public string? Type { get; set; }
        public string? Name { get; set; }
        public List<string?> Keys { get; set; } = [];
        public List<string?> Values { get; set; } = [];
    }
}
