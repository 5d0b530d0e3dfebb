using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Sahut.Accounts;
using Sahut.Channels;
using Sahut.Domain;
using Sahut.Inbox;
using Sahut.Team;
using Sahut.Web.Pages.Shared;

namespace Sahut.Web.Pages.W;

/// <summary>The shared inbox: the filtered conversation list and, when one is open, its timeline, contact and composer.</summary>
public sealed class InboxModel(
    ConversationQueries queries,
    ConversationCommands commands,
    ChannelService channels,
    ChannelTypeRegistry types,
    ContactService contacts,
    WorkspaceService workspaces,
    LabelService labels,
    NotificationService notifications,
    UnansweredCounts unanswered,
    IOptions<TeamOptions> team,
    TimeProvider time,
    ILogger<InboxModel> logger) : WorkspacePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Assignee { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "label")]
    public Guid? LabelFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ConversationPage List { get; private set; } = new([], 1, ConversationFilter.PageSize, false);

    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    public IReadOnlyList<Membership> Members { get; private set; } = [];

    public ConversationSummary? Conversation { get; private set; }

    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];

    public ContactView? Contact { get; private set; }

    public IReadOnlyList<ConversationSummary> Previous { get; private set; } = [];

    /// <summary>The open conversation's channel type, or null when its plugin is not loaded.</summary>
    public IChannelType? ChannelType { get; private set; }

    /// <summary>Approved templates of the conversation's channel, for the template picker (empty when the type has none).</summary>
    public IReadOnlyList<ChannelTemplate> Templates { get; private set; } = [];

    public DateTime NowLocal { get; private set; }

    public UnansweredCount Counts { get; private set; } = new(0, 0, 0);

    public IReadOnlyList<Label> Labels { get; private set; } = [];

    public IReadOnlyList<Label> ConversationLabels { get; private set; } = [];

    public IReadOnlyList<Notification> Notifications { get; private set; } = [];

    public int UnreadNotifications { get; private set; }

    /// <summary>How long a reply lease lasts; the browser renews it a few times within that while the agent types.</summary>
    public long ReplyLeaseMilliseconds => (long)team.Value.ReplyLease.TotalMilliseconds;

    /// <summary>The open conversation is assigned to someone else: only notes here (admins may reassign).</summary>
    public bool AssignedToOther => Conversation?.AssigneeId is { } assignee && assignee != UserId;

    public string AssigneeFilter => Assignee is "me" or "unassigned" ? Assignee : "all";

    public string StatusFilter => Status is "pending" or "resolved" or "any" ? Status : "open";

    public bool HasFilters => AssigneeFilter != "all" || StatusFilter != "open" || Channel is not null || LabelFilter is not null || !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(Guid? conversationId, CancellationToken cancellationToken)
    {
        NowLocal = Shell.Local(time.GetUtcNow().UtcDateTime);
        var status = StatusFilter switch
        {
            "pending" => ConversationStatus.Pending,
            "resolved" => ConversationStatus.Resolved,
            "any" => (ConversationStatus?)null,
            _ => ConversationStatus.Open,
        };
        List = await queries.ListAsync(WorkspaceId, UserId, new ConversationFilter(status, AssigneeFilter, Channel, Q, Math.Max(1, PageNumber), LabelFilter), cancellationToken);
        Channels = await channels.ListAsync(WorkspaceId, cancellationToken);
        Members = await workspaces.ListMembersAsync(WorkspaceId, cancellationToken);
        Counts = await unanswered.CountAsync(WorkspaceId, UserId, cancellationToken);
        Labels = await labels.ListAsync(WorkspaceId, cancellationToken);
        // Opening the conversation a mention points at reads it; the page's own live refresh does not.
        if (conversationId is { } opened && Request.Headers.XRequestedWith != "fetch")
        {
            await notifications.MarkReadForLinkAsync(WorkspaceId, UserId, $"/w/{WorkspaceId}/inbox/{opened}", cancellationToken);
        }

        Notifications = await notifications.ListAsync(WorkspaceId, UserId, unreadOnly: true, cancellationToken);
        UnreadNotifications = await notifications.UnreadCountAsync(WorkspaceId, UserId, cancellationToken);
        if (conversationId is not { } id)
        {
            return;
        }

        ConversationLabels = await labels.ForConversationAsync(WorkspaceId, id, cancellationToken);

        Conversation = await queries.GetAsync(WorkspaceId, id, cancellationToken);
        Timeline = await queries.TimelineAsync(WorkspaceId, id, cancellationToken);
        Contact = await contacts.GetAsync(WorkspaceId, Conversation.ContactId, cancellationToken);
        Previous = (await queries.ListForContactAsync(WorkspaceId, Conversation.ContactId, 6, cancellationToken)).Where(c => c.Id != id).Take(5).ToList();
        ChannelType = types.Find(Conversation.ChannelType);
        if (ChannelType is IChannelTemplateCatalog catalog && ChannelType.Capabilities.Templates)
        {
            try
            {
                var channel = await channels.GetAsync(WorkspaceId, Conversation.ChannelId, cancellationToken);
                Templates = await catalog.ListTemplatesAsync(channels.ToContext(channel), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Unreadable settings or a provider outage must not take the conversation view down; the picker is just empty.
                logger.LogWarning(ex, "Templates for channel {ChannelId} could not be listed", Conversation.ChannelId);
            }
        }
    }

    /// <summary>What an email message adds to its text: the sanitised HTML and where quoted history starts (see plugins/Email/README.md).</summary>
    public static EmailParts? EmailOf(TimelineItem item)
    {
        if (item.Kind != MessageKinds.Email || item.Metadata is not { Length: > 0 } metadata)
        {
            return null;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(metadata);
            var root = json.RootElement;
            var html = root.TryGetProperty("html", out var h) && h.ValueKind == System.Text.Json.JsonValueKind.String ? h.GetString() : null;
            var quotedFrom = root.TryGetProperty("quotedFrom", out var q) && q.ValueKind == System.Text.Json.JsonValueKind.Number && q.TryGetInt32(out var index) ? index : (int?)null;
            return new EmailParts(html, quotedFrom is { } i && item.Body is { } body && i > 0 && i < body.Length ? i : null);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Sends a template: <paramref name="names"/> holds each parameter's name (empty for positional ones), <paramref name="values"/> its value.</summary>
    public async Task<IActionResult> OnPostTemplateAsync(Guid conversationId, string? name, string? language, string[]? names, string[]? values, CancellationToken cancellationToken)
    {
        var parameters = (values ?? []).Select((value, i) => new OutboundTemplateParameter(names is { } n && i < n.Length && n[i] is { Length: > 0 } paramName ? paramName : null, value ?? "")).ToList();
        await commands.ReplyAsync(WorkspaceId, conversationId, UserId, new ReplyContent(null, new OutboundTemplate(name ?? "", language ?? "", parameters)), cancellationToken);
        return LocalRedirect(Link(conversationId));
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid conversationId, string? content, CancellationToken cancellationToken)
    {
        await commands.ReplyAsync(WorkspaceId, conversationId, UserId, new ReplyContent(content, null), cancellationToken);
        return LocalRedirect(Link(conversationId));
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid conversationId, string? content, CancellationToken cancellationToken)
    {
        await commands.AddNoteAsync(WorkspaceId, conversationId, UserId, content ?? "", cancellationToken);
        return LocalRedirect(Link(conversationId));
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid conversationId, string? assigneeId, CancellationToken cancellationToken)
    {
        Guid? assignee = assigneeId switch
        {
            null or "" => null,
            "me" => UserId,
            _ when Guid.TryParse(assigneeId, out var id) => id,
            _ => throw Errors.InputValidationException.For("assigneeId", "Unknown assignee."),
        };
        await commands.AssignAsync(WorkspaceId, conversationId, assignee, cancellationToken);
        return LocalRedirect(Link(conversationId));
    }

    /// <summary>The label form posts the labels to keep plus, from the add menu, one more; the × button names one to drop.</summary>
    public async Task<IActionResult> OnPostLabelsAsync(Guid conversationId, List<string>? labelIds, Guid? remove, CancellationToken cancellationToken)
    {
        var keep = (labelIds ?? []).Select(id => Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty)
            .Where(id => id != Guid.Empty && id != remove)
            .Distinct()
            .ToList();
        await labels.SetAsync(WorkspaceId, conversationId, keep, cancellationToken);
        return LocalRedirect(Link(conversationId));
    }

    public async Task<IActionResult> OnPostNotificationsReadAsync(CancellationToken cancellationToken)
    {
        await notifications.MarkReadAsync(WorkspaceId, UserId, null, cancellationToken);
        return BackToSamePage();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid conversationId, string? newStatus, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ConversationStatus>(newStatus, ignoreCase: true, out var status))
        {
            throw Errors.InputValidationException.For("status", "Use open, pending or resolved.");
        }

        await commands.SetStatusAsync(WorkspaceId, conversationId, status, cancellationToken);
        return LocalRedirect(Link(conversationId));
    }

    /// <summary>The inbox URL for a conversation (or the list) keeping the current filters, with overrides.</summary>
    public string Link(Guid? conversationId, string? assignee = null, string? status = null, int? page = null)
    {
        var path = conversationId is { } id ? $"/w/{WorkspaceId}/inbox/{id}" : $"/w/{WorkspaceId}/inbox";
        var query = new Dictionary<string, string?>();
        var a = assignee ?? AssigneeFilter;
        var s = status ?? StatusFilter;
        if (a != "all")
        {
            query["assignee"] = a;
        }

        if (s != "open")
        {
            query["status"] = s;
        }

        if (Channel is { } channel)
        {
            query["channel"] = channel.ToString();
        }

        if (LabelFilter is { } label)
        {
            query["label"] = label.ToString();
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            query["q"] = Q.Trim();
        }

        if (page is > 1)
        {
            query["p"] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(path, query);
    }

    /// <summary>Where a conversation's forms post: the page handler, keeping the filters for the redirect back.</summary>
    public string PostUrl(Guid conversationId, string handler)
    {
        var link = Link(conversationId);
        return link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
    }

    public string MemberName(Guid? userId)
    {
        if (userId is null)
        {
            return "";
        }

        var member = Members.FirstOrDefault(m => m.UserId == userId);
        return member?.User is { } user ? (string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName) : "";
    }

    /// <summary>A contact's name, else their phone (formatted) or email.</summary>
    public static string ContactLabel(string? name, string? identifier) =>
        !string.IsNullOrWhiteSpace(name) ? name : identifier is { Length: > 0 } ? Localization.PhoneDisplay.Format(identifier) : "—";

    public static string ChannelBadge(string type) => type.ToLowerInvariant() switch
    {
        "whatsapp" => "WA",
        "email" => "@",
        var other => other.Length <= 2 ? other.ToUpperInvariant() : other[..2].ToUpperInvariant(),
    };

    public string ChannelTypeName(string type) => types.Find(type)?.DisplayName ?? type switch
    {
        "whatsapp" => "WhatsApp",
        "email" => "Email",
        _ => type,
    };

    /// <summary>How long a free-form reply is still allowed, when the channel has a reply window.</summary>
    public TimeSpan? ReplyWindowLeft()
    {
        if (Conversation is null || ChannelType?.Capabilities.ReplyWindow is not { } window)
        {
            return null;
        }

        if (Conversation.LastInboundAt is not { } last)
        {
            return TimeSpan.Zero;
        }

        var left = last + window - time.GetUtcNow().UtcDateTime;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}

/// <summary>The parts of an email message the timeline shows beyond its text.</summary>
public sealed record EmailParts(string? Html, int? QuotedFrom);
