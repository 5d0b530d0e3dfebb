namespace Sahut.Channels;

/// <summary>
/// Implemented by channel types with templates: the approved templates an agent may pick in a conversation, with the
/// parameters each one asks for (positional "1", "2" … or named).
/// </summary>
public interface IChannelTemplateCatalog
{
    Task<IReadOnlyList<ChannelTemplate>> ListTemplatesAsync(ChannelContext channel, CancellationToken cancellationToken);
}

/// <summary>A template as the picker shows it. <see cref="Named"/> tells whether <see cref="Parameters"/> are names or positions.</summary>
public sealed record ChannelTemplate(string Name, string Language, string? Body, IReadOnlyList<string> Parameters, bool Named);
