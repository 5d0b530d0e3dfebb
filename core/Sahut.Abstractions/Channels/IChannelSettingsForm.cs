namespace Sahut.Channels;

/// <summary>
/// Implemented by channel types that describe their connect form. The host renders one input per field (labels come
/// from the host's resources as <c>ChannelField_{Key}</c>) and posts the values as the settings object the type validates.
/// </summary>
public interface IChannelSettingsForm
{
    IReadOnlyList<ChannelSettingField> SettingsFields { get; }
}

/// <summary>One field of a connect form. Empty optional fields are left out of the settings.</summary>
public sealed record ChannelSettingField(string Key, ChannelSettingKind Kind, bool Required, string? Default = null, IReadOnlyList<string>? Options = null);

public enum ChannelSettingKind
{
    Text,
    Secret,
    Number,
    Choice,
}
