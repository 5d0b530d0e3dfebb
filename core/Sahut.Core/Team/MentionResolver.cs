using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sahut.Data;

namespace Sahut.Team;

/// <summary>
/// Finds the workspace members a note mentions: <c>@budi@toko.id</c> (email), <c>@budi</c> (email name before the @)
/// or <c>@Budi</c> (display name without spaces), case-insensitive.
/// </summary>
public sealed partial class MentionResolver(SahutDbContext db)
{
    public async Task<IReadOnlyList<Guid>> ResolveAsync(Guid workspaceId, string body, CancellationToken cancellationToken)
    {
        var handles = MentionPattern().Matches(body).Select(m => m.Groups[1].Value.TrimEnd('.', ',', ':', ';', '!', '?').ToLowerInvariant()).ToHashSet();
        if (handles.Count == 0)
        {
            return [];
        }

        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId)
            .Select(m => new { m.UserId, m.User!.Email, m.User.DisplayName })
            .ToListAsync(cancellationToken);
        return members
            .Where(m => m.Email is { } email && (handles.Contains(email.ToLowerInvariant()) || handles.Contains(email.Split('@')[0].ToLowerInvariant()))
                || m.DisplayName is { } name && handles.Contains(name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()))
            .Select(m => m.UserId)
            .Distinct()
            .ToList();
    }

    [GeneratedRegex(@"(?<![\w@])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
