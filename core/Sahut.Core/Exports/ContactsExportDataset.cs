using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Domain;

namespace Sahut.Exports;

/// <summary>One row per contact (DESIGN §4 contacts.csv); from/to filter on when the contact was created.</summary>
internal sealed class ContactsExportDataset(SahutDbContext db) : IExportDataset
{
    public const string DatasetKey = "contacts";

    private static readonly string[] ColumnNames = ["contact_id", "name", "phone", "email", "created_at", "conversations"];

    public string Key => DatasetKey;

    public IReadOnlyList<string> Columns => ColumnNames;

    public async Task<long> CountRowsAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var clock = await db.ClockAsync(request.WorkspaceId, cancellationToken);
        return await Filter(request, clock).LongCountAsync(cancellationToken);
    }

    public async IAsyncEnumerable<IReadOnlyList<string?>> ReadRowsAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var clock = await db.ClockAsync(request.WorkspaceId, cancellationToken);
        var rows = Filter(request, clock)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Name,
                Phone = c.Identities.Where(i => i.Kind == IdentityKinds.Phone).Select(i => i.Value).FirstOrDefault(),
                Email = c.Identities.Where(i => i.Kind == IdentityKinds.Email).Select(i => i.Value).FirstOrDefault(),
                c.CreatedAt,
                Conversations = db.Conversations.Count(v => v.ContactId == c.Id),
            })
            .AsAsyncEnumerable();

        await foreach (var c in rows.WithCancellation(cancellationToken))
        {
            yield return
            [
                c.Id.ToString(),
                c.Name,
                c.Phone,
                c.Email,
                clock.Format(c.CreatedAt),
                c.Conversations.ToString(CultureInfo.InvariantCulture),
            ];
        }
    }

    private IQueryable<Contact> Filter(ExportRequest request, WorkspaceExportClock clock)
    {
        var query = db.Contacts.AsNoTracking().Where(c => c.WorkspaceId == request.WorkspaceId);
        if (clock.StartOf(request.From) is { } start)
        {
            query = query.Where(c => c.CreatedAt >= start);
        }

        if (clock.EndOf(request.To) is { } end)
        {
            query = query.Where(c => c.CreatedAt < end);
        }

        return query;
    }
}
