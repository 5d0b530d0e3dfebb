using System.Net;

namespace Sahut.Web.Tests.Pages;

/// <summary>Every workspace page answers 404 for another workspace's ids and 403 for agents on admin pages.</summary>
public sealed class WorkspacePageAccessTests : IAsyncLifetime
{
    private readonly PagesAppFactory factory = new();
    private WorkspaceWorld world = null!;

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        world = await WorkspaceWorld.CreateAsync(factory.Services);
    }

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();

    public static TheoryData<string> WorkspacePages() => new()
    {
        "/w/{ws}/inbox",
        "/w/{ws}/contacts",
        "/w/{ws}/settings",
        "/w/{ws}/settings/profile",
        "/w/{ws}/settings/members",
        "/w/{ws}/settings/tokens",
        "/w/{ws}/settings/channels",
        "/w/{ws}/settings/plugins",
    };

    [Theory]
    [MemberData(nameof(WorkspacePages))]
    public async Task Another_workspace_answers_404(string page)
    {
        using var owner = await SignedInClient.CreateAsync(factory, WorkspaceWorld.OwnerA, WorkspaceWorld.Password);

        var other = await owner.GetAsync(page.Replace("{ws}", world.WorkspaceB.ToString(), StringComparison.Ordinal));
        var unknown = await owner.GetAsync(page.Replace("{ws}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        var own = await owner.GetAsync(page.Replace("{ws}", world.WorkspaceA.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(own.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{page}: {own.StatusCode}");
        Assert.DoesNotContain("Toko B", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_workspace_conversation_answers_404_in_own_workspace_url()
    {
        using var owner = await SignedInClient.CreateAsync(factory, WorkspaceWorld.OwnerA, WorkspaceWorld.Password);

        var foreign = await owner.GetAsync($"/w/{world.WorkspaceA}/inbox/{world.ConversationB}");
        var foreignInItsWorkspace = await owner.GetAsync($"/w/{world.WorkspaceB}/inbox/{world.ConversationB}");
        var own = await owner.GetAsync($"/w/{world.WorkspaceA}/inbox/{world.ConversationA}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignInItsWorkspace.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Pelanggan A", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Pelanggan B", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_to_another_workspace_conversation_answers_404_and_changes_nothing()
    {
        using var owner = await SignedInClient.CreateAsync(factory, WorkspaceWorld.OwnerA, WorkspaceWorld.Password);
        var token = await SignedInClient.AntiforgeryTokenAsync(owner, $"/w/{world.WorkspaceA}/inbox/{world.ConversationA}");

        var response = await owner.PostAsync(
            $"/w/{world.WorkspaceA}/inbox/{world.ConversationB}?handler=note",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["content"] = "mengintip", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var ownerB = await SignedInClient.CreateAsync(factory, WorkspaceWorld.OwnerB, WorkspaceWorld.Password);
        var page = await ownerB.GetStringAsync($"/w/{world.WorkspaceB}/inbox/{world.ConversationB}");
        Assert.DoesNotContain("mengintip", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/w/{ws}/settings")]
    [InlineData("/w/{ws}/settings/profile")]
    [InlineData("/w/{ws}/settings/members")]
    [InlineData("/w/{ws}/settings/tokens")]
    [InlineData("/w/{ws}/settings/channels")]
    [InlineData("/w/{ws}/settings/plugins")]
    public async Task Agent_gets_403_on_admin_pages(string page)
    {
        using var agent = await SignedInClient.CreateAsync(factory, WorkspaceWorld.AgentA, WorkspaceWorld.Password);

        var response = await agent.GetAsync(page.Replace("{ws}", world.WorkspaceA.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Agent_may_use_the_inbox_and_contacts()
    {
        using var agent = await SignedInClient.CreateAsync(factory, WorkspaceWorld.AgentA, WorkspaceWorld.Password);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/w/{world.WorkspaceA}/inbox/{world.ConversationA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/w/{world.WorkspaceA}/contacts")).StatusCode);
    }

    [Fact]
    public async Task Agent_cannot_post_to_admin_pages_either()
    {
        using var agent = await SignedInClient.CreateAsync(factory, WorkspaceWorld.AgentA, WorkspaceWorld.Password);
        var token = await SignedInClient.AntiforgeryTokenAsync(agent, $"/w/{world.WorkspaceA}/inbox");

        var response = await agent.PostAsync(
            $"/w/{world.WorkspaceA}/settings/tokens?handler=create",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "sneaky", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Form_post_without_antiforgery_token_is_rejected()
    {
        using var owner = await SignedInClient.CreateAsync(factory, WorkspaceWorld.OwnerA, WorkspaceWorld.Password);

        var response = await owner.PostAsync(
            $"/w/{world.WorkspaceA}/settings/tokens?handler=create",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "no-token" }));
        var tokens = await owner.GetStringAsync($"/w/{world.WorkspaceA}/settings/tokens");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("no-token", tokens, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_and_setup_is_closed()
    {
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var inbox = await anonymous.GetAsync($"/w/{world.WorkspaceA}/inbox");
        var setup = await anonymous.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        Assert.StartsWith("/login", inbox.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        Assert.Equal("/login", setup.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Repeated_failed_logins_lock_the_account_with_a_clear_message()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        string html = "";
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var token = await SignedInClient.AntiforgeryTokenAsync(client, "/login");
            var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = WorkspaceWorld.OwnerB,
                ["Input.Password"] = attempt == 5 ? WorkspaceWorld.Password : "salah-" + attempt,
                ["__RequestVerificationToken"] = token,
            }));
            html = await response.Content.ReadAsStringAsync();
        }

        // Even the right password is refused while locked out.
        Assert.Contains("Terlalu banyak percobaan gagal", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_goes_to_the_last_used_workspace()
    {
        using var owner = await SignedInClient.CreateAsync(factory, WorkspaceWorld.OwnerA, WorkspaceWorld.Password);

        var root = await owner.GetAsync("/");

        Assert.Equal($"/w/{world.WorkspaceA}/inbox", root.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Language_choice_switches_the_ui_to_english_and_is_remembered_for_the_user()
    {
        using var agent = await SignedInClient.CreateAsync(factory, WorkspaceWorld.AgentA, WorkspaceWorld.Password);
        var inboxPath = $"/w/{world.WorkspaceA}/inbox";
        Assert.Contains("Kotak Masuk", await agent.GetStringAsync(inboxPath), StringComparison.Ordinal);
        var token = await SignedInClient.AntiforgeryTokenAsync(agent, inboxPath);

        await agent.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["lang"] = "en", ["returnUrl"] = inboxPath, ["__RequestVerificationToken"] = token,
        }));

        Assert.Contains(">Inbox<", await agent.GetStringAsync(inboxPath), StringComparison.Ordinal);
        using var otherBrowser = await SignedInClient.CreateAsync(factory, WorkspaceWorld.AgentA, WorkspaceWorld.Password);
        Assert.Contains(">Inbox<", await otherBrowser.GetStringAsync(inboxPath), StringComparison.Ordinal);
    }
}
