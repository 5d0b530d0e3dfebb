namespace Sahut.Channels;

/// <summary>The channel types registered by loaded plugins, by key.</summary>
public sealed class ChannelTypeRegistry(IEnumerable<IChannelType> types)
{
    private readonly Dictionary<string, IChannelType> byKey = types.ToDictionary(t => t.Key, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<IChannelType> All => byKey.Values;

    public IChannelType? Find(string key) => byKey.GetValueOrDefault(key);
}
