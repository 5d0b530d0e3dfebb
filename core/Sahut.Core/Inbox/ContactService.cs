using Microsoft.EntityFrameworkCore;
using Sahut.Channels;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Phones;

namespace Sahut.Inbox;

/// <summary>Contacts and their identities (E.164 phones, lower-case emails).</summary>
public sealed class ContactService(SahutDbContext db, PhoneNumberNormalizer phones, ContactSearch search, TimeProvider time)
{
    /// <summary>The canonical form of an identity value, or null when it is not valid for its kind.</summary>
    public string? NormalizeIdentity(string kind, string? value) => kind switch
    {
        IdentityKinds.Phone => phones.Normalize(value),
        IdentityKinds.Email => value is { Length: > 2 } v && v.Contains('@', StringComparison.Ordinal) ? v.Trim().ToLowerInvariant() : null,
        _ => value?.Trim(),
    };

    /// <summary>
    /// Finds the contact with this identity in the workspace, or creates it (tracked, not yet saved).
    /// </summary>
    public async Task<Contact> FindOrAddAsync(Guid workspaceId, string kind, string normalizedValue, string? name, CancellationToken cancellationToken)
    {
        var local = db.ContactIdentities.Local.FirstOrDefault(i => i.WorkspaceId == workspaceId && i.Kind == kind && i.Value == normalizedValue);
        var contactId = local?.ContactId ?? (await db.ContactIdentities
            .Where(i => i.WorkspaceId == workspaceId && i.Kind == kind && i.Value == normalizedValue)
            .Select(i => (Guid?)i.ContactId)
            .FirstOrDefaultAsync(cancellationToken));
        if (contactId is { } id)
        {
            var existing = db.Contacts.Local.FirstOrDefault(c => c.Id == id) ?? await db.Contacts.FirstAsync(c => c.Id == id, cancellationToken);
            FillMissingName(existing, name);
            return existing;
        }

        var contact = New(workspaceId, kind, normalizedValue, name);
        db.Contacts.Add(contact);
        return contact;
    }

    /// <summary>A new contact with this one identity, not tracked; the caller knows none exists and saves it.</summary>
    public Contact New(Guid workspaceId, string kind, string normalizedValue, string? name)
    {
        var contact = new Contact { WorkspaceId = workspaceId, Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(), CreatedAt = time.UtcNow() };
        contact.Identities.Add(new ContactIdentity { WorkspaceId = workspaceId, ContactId = contact.Id, Kind = kind, Value = normalizedValue });
        return contact;
    }

    /// <summary>A contact known only by number gets the name the channel reports; a name already there is kept.</summary>
    public static void FillMissingName(Contact contact, string? name)
    {
        if (string.IsNullOrWhiteSpace(contact.Name) && !string.IsNullOrWhiteSpace(name))
        {
            contact.Name = name.Trim();
        }
    }

    /// <summary>One contact of the workspace.</summary>
    public async Task<ContactView> GetAsync(Guid workspaceId, Guid contactId, CancellationToken cancellationToken) =>
        await db.Contacts.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.Id == contactId)
            .Select(c => new ContactView(
                c.Id,
                c.Name,
                c.Identities.Where(i => i.Kind == IdentityKinds.Phone).Select(i => i.Value).FirstOrDefault(),
                c.Identities.Where(i => i.Kind == IdentityKinds.Email).Select(i => i.Value).FirstOrDefault(),
                c.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new Errors.NotFoundException("Contact");

    public async Task<ContactPage> ListAsync(Guid workspaceId, string? q, int page, CancellationToken cancellationToken)
    {
        const int pageSize = 50;
        page = Math.Max(1, page);
        IQueryable<Contact> source = db.Contacts;
        if (!string.IsNullOrWhiteSpace(q))
        {
            // The same matching as the inbox search, so a contact found there is found here.
            var matches = await search.MatchingAsync(workspaceId, q, cancellationToken);
            source = matches.Contacts(db);
        }

        var items = await source.AsNoTracking().Where(c => c.WorkspaceId == workspaceId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new ContactView(
                c.Id,
                c.Name,
                c.Identities.Where(i => i.Kind == IdentityKinds.Phone).Select(i => i.Value).FirstOrDefault(),
                c.Identities.Where(i => i.Kind == IdentityKinds.Email).Select(i => i.Value).FirstOrDefault(),
                c.CreatedAt))
            .ToListAsync(cancellationToken);
        return new ContactPage(items, page, pageSize);
    }
}

public sealed record ContactView(Guid Id, string? Name, string? Phone, string? Email, DateTime CreatedAt);

public sealed record ContactPage(IReadOnlyList<ContactView> Items, int Page, int PageSize);
