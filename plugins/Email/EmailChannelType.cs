using System.Text.Json.Nodes;
using Sahut.Channels;
using Sahut.Plugins.Email.Outbound;
using Sahut.Plugins.Email.Settings;

namespace Sahut.Plugins.Email;

/// <summary>The "email" channel type: an address received over IMAP and answered over SMTP.</summary>
internal sealed class EmailChannelType(EmailOptions options, ConnectionTester tester, EmailSender sender) : IChannelType, IChannelSettingsForm
{
    public const string TypeKey = "email";

    public string Key => TypeKey;

    public IReadOnlyList<ChannelSettingField> SettingsFields { get; } =
    [
        new("address", ChannelSettingKind.Text, Required: true),
        new("imapHost", ChannelSettingKind.Text, Required: true),
        new("imapPort", ChannelSettingKind.Number, Required: true, "993"),
        new("imapSecurity", ChannelSettingKind.Choice, Required: true, "ssl", ["ssl", "starttls", "none"]),
        new("imapUsername", ChannelSettingKind.Text, Required: true),
        new("imapPassword", ChannelSettingKind.Secret, Required: true),
        new("smtpHost", ChannelSettingKind.Text, Required: true),
        new("smtpPort", ChannelSettingKind.Number, Required: true, "587"),
        new("smtpSecurity", ChannelSettingKind.Choice, Required: true, "starttls", ["starttls", "ssl", "none"]),
        new("smtpUsername", ChannelSettingKind.Text, Required: false),
        new("smtpPassword", ChannelSettingKind.Secret, Required: false),
    ];

    public string DisplayName => "Email";

    public ChannelCapabilities Capabilities { get; } = new(Templates: false, Attachments: true, ReplyWindow: null, Webhook: false, IdentityKinds.Email);

    public async ValueTask<ChannelSettingsValidation> ValidateSettingsAsync(JsonObject settings, CancellationToken cancellationToken)
    {
        if (!EmailSettings.TryParse(settings, out var parsed, out var errors))
        {
            return ChannelSettingsValidation.Invalid(errors);
        }

        if (options.VerifyLoginOnConnect)
        {
            var loginErrors = await tester.TestAsync(parsed, cancellationToken);
            if (loginErrors.Count > 0)
            {
                return ChannelSettingsValidation.Invalid(loginErrors);
            }
        }

        return ChannelSettingsValidation.Valid(parsed.ToJson());
    }

    public Task<OutboundSendResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken cancellationToken) =>
        sender.SendAsync(channel, message, cancellationToken);
}
