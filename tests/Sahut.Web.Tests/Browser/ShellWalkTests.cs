using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Sahut.Web.Tests.Browser;

/// <summary>Issue #3's walk in a real browser: setup, login, workspaces, Ganti Workspace, invitation, roles, API tokens.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ShellWalkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string OwnerEmail = "andi@tokomaju.id";
    private const string AgentEmail = "sari@tokomaju.id";
    private const string Password = "Rahasia123";

    [Fact]
    public async Task Setup_login_workspaces_invite_agent_roles_and_api_tokens()
    {
        var owner = await app.NewPageAsync();

        // First run: "/" → /login → /setup.
        await owner.GotoAsync("/");
        await Expect(owner).ToHaveURLAsync(new Regex("/setup$"));
        await owner.GetByLabel("Nama workspace").FillAsync("Toko Maju");
        await owner.GetByLabel("Email").FillAsync(OwnerEmail);
        await owner.GetByLabel("Kata sandi").FillAsync(Password);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Mulai" }).ClickAsync();
        await Expect(owner).ToHaveURLAsync(InboxUrl());
        var firstWorkspace = WorkspaceOf(owner.Url);
        await Expect(owner.GetByText("Hubungkan channel pertama Anda")).ToBeVisibleAsync();

        // Log out and back in.
        await owner.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(owner).ToHaveURLAsync(new Regex("/login$"));
        await LogInAsync(owner, OwnerEmail);
        await Expect(owner).ToHaveURLAsync(new Regex($"/w/{firstWorkspace}/inbox$"));

        // A second workspace, created from the workspace switcher.
        await owner.Locator(".ws-switch summary").ClickAsync();
        await owner.GetByRole(AriaRole.Link, new() { Name = "+ Buat workspace" }).ClickAsync();
        await owner.GetByLabel("Nama workspace").FillAsync("Toko Maju Cabang Bandung");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Buat workspace" }).ClickAsync();
        await Expect(owner).ToHaveURLAsync(InboxUrl());
        var secondWorkspace = WorkspaceOf(owner.Url);
        Assert.NotEqual(firstWorkspace, secondWorkspace);
        await Expect(owner.Locator(".ws-name")).ToContainTextAsync("Toko Maju Cabang Bandung");

        // Ganti Workspace back to the first; the choice sticks for "/".
        await owner.GetByText("Ganti Workspace").First.ClickAsync();
        await owner.Locator(".ws-pop").GetByRole(AriaRole.Link, new() { Name = "Toko Maju Pemilik", Exact = true }).ClickAsync();
        await Expect(owner).ToHaveURLAsync(new Regex($"/w/{firstWorkspace}/inbox$"));
        await owner.GotoAsync("/");
        await Expect(owner).ToHaveURLAsync(new Regex($"/w/{firstWorkspace}/inbox$"));

        // Invite an agent with a link to copy.
        await owner.GotoAsync($"/w/{firstWorkspace}/settings/members");
        await owner.GetByLabel("Peran").First.SelectOptionAsync("Agent");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Buat tautan undangan" }).ClickAsync();
        var inviteUrl = await owner.Locator("#invite-url").InputValueAsync();
        Assert.Contains("/invite/", inviteUrl, StringComparison.Ordinal);

        // The agent, in a browser of their own, accepts it, then signs in again normally.
        var agent = await app.NewPageAsync();
        await agent.GotoAsync(inviteUrl);
        await Expect(agent.GetByRole(AriaRole.Heading)).ToContainTextAsync("Toko Maju");
        await agent.GetByLabel("Email").FillAsync(AgentEmail);
        await agent.GetByLabel("Kata sandi").FillAsync(Password);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Bergabung" }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex($"/w/{firstWorkspace}/inbox$"));
        await agent.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await LogInAsync(agent, AgentEmail);
        await Expect(agent).ToHaveURLAsync(new Regex($"/w/{firstWorkspace}/inbox$"));
        await Expect(agent.Locator(".me small")).ToHaveTextAsync("Agen");

        // Agents see no Settings link and get 403 on admin pages.
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "Pengaturan" })).ToHaveCountAsync(0);
        foreach (var page in new[] { "members", "tokens", "channels", "profile" })
        {
            var response = await agent.GotoAsync($"/w/{firstWorkspace}/settings/{page}");
            Assert.Equal(403, response!.Status);
        }

        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Akses ditolak" })).ToBeVisibleAsync();

        // The owner sees the new member.
        await owner.GotoAsync($"/w/{firstWorkspace}/settings/members");
        await Expect(owner.Locator($"tr[data-member='{AgentEmail}']")).ToContainTextAsync("Agen");

        // API token: shown once, works, then revoked and refused.
        await owner.GotoAsync($"/w/{firstWorkspace}/settings/tokens");
        await owner.GetByLabel("Nama").FillAsync("Integrasi CRM");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Buat token" }).ClickAsync();
        var secret = await owner.Locator("#new-token").InputValueAsync();
        Assert.StartsWith("sahut_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(firstWorkspace, secret));

        await owner.GotoAsync($"/w/{firstWorkspace}/settings/tokens");
        await Expect(owner.Locator("#new-token")).ToHaveCountAsync(0);
        owner.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await owner.Locator("tr[data-token='Integrasi CRM']").GetByRole(AriaRole.Button, new() { Name = "Cabut" }).ClickAsync();
        await Expect(owner.Locator("tr[data-token='Integrasi CRM']")).ToContainTextAsync("Dicabut");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(firstWorkspace, secret));
    }

    private static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
    }

    private async Task<HttpStatusCode> CallApiAsync(string workspaceId, string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync($"/api/v1/workspaces/{workspaceId}/conversations");
        return response.StatusCode;
    }

    private static string WorkspaceOf(string url) => InboxUrl().Match(url).Groups[1].Value;

    [GeneratedRegex("/w/([0-9a-f-]{36})/inbox$")]
    private static partial Regex InboxUrl();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
