using Microsoft.AspNetCore.Mvc;
using Sahut.Inbox;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Pages.W;

public sealed class ContactsModel(ContactService contacts) : WorkspacePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ContactPage Contacts { get; private set; } = new([], 1, 50);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Contacts = await contacts.ListAsync(WorkspaceId, Q, Math.Max(1, PageNumber), cancellationToken);
}
