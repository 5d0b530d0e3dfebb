using Microsoft.EntityFrameworkCore;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Errors;
using Sahut.Events;

namespace Sahut.Team;

/// <summary>Workspace labels and the labels on each conversation.</summary>
public sealed class LabelService(SahutDbContext db, DomainEventBus bus)
{
    public Task<List<Label>> ListAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        db.Labels.AsNoTracking().Where(l => l.WorkspaceId == workspaceId).OrderBy(l => l.Name).ToListAsync(cancellationToken);

    public async Task<Label> CreateAsync(Guid workspaceId, string name, string? color, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 64)
        {
            throw InputValidationException.For("name", "A label needs a name of at most 64 characters.");
        }

        if (color is not null && !System.Text.RegularExpressions.Regex.IsMatch(color, "^#[0-9a-fA-F]{6}$"))
        {
            throw InputValidationException.For("color", "Use a colour like #1f8f4e.");
        }

        if (await db.Labels.AnyAsync(l => l.WorkspaceId == workspaceId && l.Name == trimmed, cancellationToken))
        {
            throw InputValidationException.For("name", $"The label '{trimmed}' already exists.");
        }

        var label = new Label { WorkspaceId = workspaceId, Name = trimmed, Color = color ?? "#5b6776" };
        db.Labels.Add(label);
        await db.SaveChangesAsync(cancellationToken);
        return label;
    }

    public async Task DeleteAsync(Guid workspaceId, Guid labelId, CancellationToken cancellationToken)
    {
        await db.ConversationLabels.Where(l => l.LabelId == labelId && l.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken);
        if (await db.Labels.Where(l => l.Id == labelId && l.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new NotFoundException("Label");
        }
    }

    public Task<List<Label>> ForConversationAsync(Guid workspaceId, Guid conversationId, CancellationToken cancellationToken) =>
        db.ConversationLabels.AsNoTracking()
            .Where(cl => cl.ConversationId == conversationId && cl.WorkspaceId == workspaceId)
            .Join(db.Labels, cl => cl.LabelId, l => l.Id, (cl, l) => l)
            .OrderBy(l => l.Name)
            .ToListAsync(cancellationToken);

    /// <summary>Replaces the conversation's labels with <paramref name="labelIds"/>.</summary>
    public async Task SetAsync(Guid workspaceId, Guid conversationId, IReadOnlyCollection<Guid> labelIds, CancellationToken cancellationToken)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId && c.WorkspaceId == workspaceId, cancellationToken))
        {
            throw new NotFoundException("Conversation");
        }

        var known = await db.Labels.Where(l => l.WorkspaceId == workspaceId && labelIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
        if (known.Count != labelIds.Distinct().Count())
        {
            throw InputValidationException.For("labelIds", "Unknown label.");
        }

        await db.ConversationLabels.Where(cl => cl.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);
        db.ConversationLabels.AddRange(known.Select(id => new ConversationLabel { ConversationId = conversationId, LabelId = id, WorkspaceId = workspaceId }));
        await db.SaveChangesAsync(cancellationToken);
        bus.Publish(new ConversationLabelsChanged(workspaceId, conversationId));
    }
}
