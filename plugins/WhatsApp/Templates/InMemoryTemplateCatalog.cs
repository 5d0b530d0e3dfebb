using System.Collections.Concurrent;

namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>Temporary catalog until the plugin-owned table lands.</summary>
internal sealed class InMemoryTemplateCatalog : ITemplateCatalog
{
    private readonly ConcurrentDictionary<Guid, List<TemplateDefinition>> byChannel = new();

    public Task<TemplateDefinition?> FindAsync(Guid channelId, string name, string language, CancellationToken cancellationToken) =>
        Task.FromResult(byChannel.TryGetValue(channelId, out var list) ? list.FirstOrDefault(t => t.Name == name && t.Language == language) : null);

    public Task<bool> HasSyncedAsync(Guid channelId, CancellationToken cancellationToken) => Task.FromResult(byChannel.ContainsKey(channelId));

    public Task<IReadOnlyList<TemplateDefinition>> ListAsync(Guid channelId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TemplateDefinition>>(byChannel.TryGetValue(channelId, out var list) ? list : []);

    public Task ReplaceAsync(Guid channelId, IReadOnlyList<TemplateDefinition> templates, CancellationToken cancellationToken)
    {
        byChannel[channelId] = [.. templates];
        return Task.CompletedTask;
    }

    public Task<bool> UpdateStatusAsync(Guid channelId, string name, string? language, string status, CancellationToken cancellationToken)
    {
        if (!byChannel.TryGetValue(channelId, out var list))
        {
            return Task.FromResult(false);
        }

        var index = list.FindIndex(t => t.Name == name && (language is null || t.Language == language));
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        list[index] = list[index] with { Status = status };
        return Task.FromResult(true);
    }
}
