using Microsoft.AspNetCore.Identity;
using Sahut.Accounts;
using Sahut.Domain;
using Sahut.Web.Security;

namespace Sahut.Web.Pages.Shared;

/// <summary>What every workspace page and its layout need: the caller, the workspace, the user's other workspaces, the time zone.</summary>
public sealed record WorkspaceShell(WorkspaceCaller Caller, Workspace Workspace, SahutUser User, IReadOnlyList<Membership> MyWorkspaces, TimeZoneInfo Zone)
{
    private const string ItemKey = "Sahut.WorkspaceShell";

    public Guid WorkspaceId => Workspace.Id;

    public string UserName => string.IsNullOrWhiteSpace(User.DisplayName) ? User.Email ?? User.UserName ?? "" : User.DisplayName;

    /// <summary>A UTC timestamp from the database in the workspace's time zone.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static WorkspaceShell? Current(HttpContext context) => context.Items[ItemKey] as WorkspaceShell;

    /// <summary>Loads the shell for the route's workspace once per request; null when the user is not a member (answer 404).</summary>
    public static async Task<WorkspaceShell?> LoadAsync(HttpContext context)
    {
        if (context.Items[ItemKey] is WorkspaceShell cached)
        {
            return cached;
        }

        if (context.GetRouteValue("ws") is not string raw || !Guid.TryParse(raw, out var workspaceId))
        {
            return null;
        }

        var caller = await WorkspaceCaller.ResolveAsync(context, workspaceId);
        if (caller is null || caller.IsApiToken)
        {
            return null;
        }

        var services = context.RequestServices;
        var workspaces = services.GetRequiredService<WorkspaceService>();
        var users = services.GetRequiredService<UserManager<SahutUser>>();
        var ct = context.RequestAborted;
        var workspace = await workspaces.FindAsync(workspaceId, ct);
        var user = await users.GetUserAsync(context.User);
        if (workspace is null || user is null)
        {
            return null;
        }

        if (user.LastWorkspaceId != workspaceId)
        {
            // The workspace a person last opened is where "/" takes them next time.
            user.LastWorkspaceId = workspaceId;
            await users.UpdateAsync(user);
        }

        var mine = await workspaces.ListForUserAsync(user.Id, ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(workspace.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var shell = new WorkspaceShell(caller, workspace, user, mine, zone);
        context.Items[ItemKey] = shell;
        return shell;
    }
}
