using Autofac;
using Microsoft.EntityFrameworkCore;
using Sahut.Plugins.WhatsApp.Data;

namespace Sahut.Plugins.WhatsApp.Templates;

/// <summary>The template catalog in the plugin's own table; each call uses its own DbContext scope.</summary>
internal sealed class DbTemplateCatalog(ILifetimeScope root, TimeProvider time) : ITemplateCatalog
{
    public async Task<TemplateDefinition?> FindAsync(Guid channelId, string name, string language, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var row = await scope.Resolve<WhatsAppDb>().Templates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.ChannelId == channelId && t.Name == name && t.Language == language, cancellationToken);
        return row is null ? null : ToDefinition(row);
    }

    public async Task<bool> HasSyncedAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        return await scope.Resolve<WhatsAppDb>().Syncs.AnyAsync(s => s.ChannelId == channelId, cancellationToken);
    }

    public async Task<IReadOnlyList<TemplateDefinition>> ListAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var rows = await scope.Resolve<WhatsAppDb>().Templates.AsNoTracking().Where(t => t.ChannelId == channelId).ToListAsync(cancellationToken);
        return rows.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Language, StringComparer.Ordinal).Select(ToDefinition).ToList();
    }

    public async Task ReplaceAsync(Guid channelId, IReadOnlyList<TemplateDefinition> templates, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var db = scope.Resolve<WhatsAppDb>();
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Templates.Where(t => t.ChannelId == channelId).ExecuteDeleteAsync(cancellationToken);
        // The provider may list a (name, language) twice across pages; the last one wins.
        foreach (var template in templates.Where(t => t.Name.Length > 0).GroupBy(t => (t.Name, t.Language)).Select(g => g.Last()))
        {
            db.Templates.Add(new WhatsAppTemplate
            {
                ChannelId = channelId,
                Name = template.Name,
                Language = template.Language,
                Status = template.Status,
                Category = template.Category,
                ParameterFormat = template.ParameterFormat,
                ProviderTemplateId = template.ProviderTemplateId,
                ComponentsJson = template.ComponentsJson,
                SyncedAt = now,
            });
        }

        var sync = await db.Syncs.FirstOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        if (sync is null)
        {
            db.Syncs.Add(sync = new WhatsAppTemplateSync { ChannelId = channelId });
        }

        sync.SyncedAt = now;
        sync.Count = templates.Count;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> UpdateStatusAsync(Guid channelId, string name, string? language, string status, CancellationToken cancellationToken)
    {
        await using var scope = root.BeginLifetimeScope();
        var updated = await scope.Resolve<WhatsAppDb>().Templates
            .Where(t => t.ChannelId == channelId && t.Name == name && (language == null || t.Language == language))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status), cancellationToken);
        return updated > 0;
    }

    private static TemplateDefinition ToDefinition(WhatsAppTemplate row) =>
        new(row.Name, row.Language, row.Status, row.Category, row.ParameterFormat, row.ProviderTemplateId, row.ComponentsJson);
}
