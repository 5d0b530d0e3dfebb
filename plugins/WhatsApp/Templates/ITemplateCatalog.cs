namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>The templates synced from each channel's WhatsApp account.</summary>
internal interface ITemplateCatalog
{
    Task<TemplateDefinition?> FindAsync(Guid channelId, string name, string language, CancellationToken cancellationToken);

    /// <summary>Whether templates were ever synced for the channel (if not, sends are not checked against a list).</summary>
    Task<bool> HasSyncedAsync(Guid channelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TemplateDefinition>> ListAsync(Guid channelId, CancellationToken cancellationToken);

    Task ReplaceAsync(Guid channelId, IReadOnlyList<TemplateDefinition> templates, CancellationToken cancellationToken);

    /// <summary>Applies a template status webhook; returns false when the template is not known yet.</summary>
    Task<bool> UpdateStatusAsync(Guid channelId, string name, string? language, string status, CancellationToken cancellationToken);
}
