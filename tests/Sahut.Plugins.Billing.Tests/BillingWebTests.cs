using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Sahut.Plugins.Billing.Tests.Infrastructure;

namespace Sahut.Plugins.Billing.Tests;

/// <summary>The Billing plugin loaded by the real host from its plugins folder: API, channel limit over HTTP, Settings → Billing page.</summary>
public sealed partial class BillingWebTests
{
    private static readonly object ChannelSettings = new { type = "test", name = "CS", settings = new { token = "t" } };

    [Fact]
    public async Task Billing_api_shows_plan_period_usage_and_limits_and_refuses_a_channel_too_many_with_402()
    {
        await using var factory = new BillingWebFactory();
        var setup = await factory.SetupAsync();
        var client = factory.ClientWithToken(setup.ApiToken);
        var ws = setup.WorkspaceId;

        var billing = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workspaces/{ws}/billing");
        Assert.Equal("basic", billing.GetProperty("planKey").GetString());
        Assert.Equal(10, billing.GetProperty("conversationLimit").GetInt32());
        Assert.Equal(2, billing.GetProperty("channelLimit").GetInt32());
        Assert.Equal(0, billing.GetProperty("conversationsUsed").GetInt32());
        Assert.Equal(0, billing.GetProperty("overageSoFar").GetInt64());
        Assert.True(billing.GetProperty("daysLeft").GetInt32() >= 28);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/channels", ChannelSettings)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/channels", ChannelSettings)).StatusCode);
        var refused = await client.PostAsJsonAsync($"/api/v1/workspaces/{ws}/channels", ChannelSettings);
        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Basic", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var cancelled = await client.PostAsync($"/api/v1/workspaces/{ws}/billing/cancel", null);
        Assert.Equal("cancelling", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/workspaces/{ws}/billing/cancel", null)).StatusCode);
        var undone = await client.DeleteAsync($"/api/v1/workspaces/{ws}/billing/cancel");
        Assert.Equal("active", (await undone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var other = await factory.CreateWorkspaceAsync(setup.UserId);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/workspaces/{other}/billing")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/workspaces/{ws}/billing")).StatusCode);
    }

    [Fact]
    public async Task Settings_billing_page_shows_usage_and_cancel_in_indonesian_and_english_and_cancels()
    {
        await using var factory = new BillingWebFactory();
        var setup = await factory.SetupAsync();
        var client = await SignInAsync(factory, "owner@example.com");
        var page = $"/w/{setup.WorkspaceId}/settings/billing";

        var html = await client.GetStringAsync(page);
        Assert.Contains("Batalkan Langganan", html, StringComparison.Ordinal);
        Assert.Contains("0 dari 10 percakapan", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}\">Tagihan</a>", html, StringComparison.Ordinal);
        Assert.Contains("data-days-left", html, StringComparison.Ordinal);

        var english = await client.GetStringAsync(page + "?culture=en&ui-culture=en");
        Assert.Contains("Cancel subscription", english, StringComparison.Ordinal);
        Assert.Contains("0 of 10 conversations", english, StringComparison.Ordinal);

        var token = Token(html);
        var posted = await client.PostAsync(page + "?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await client.GetStringAsync(page);
        Assert.Contains("Urungkan pembatalan", after, StringComparison.Ordinal);
        Assert.Contains("data-billing-status=\"cancelling\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_billing_plugin_there_are_no_limits()
    {
        await using var factory = new BillingWebFactory(withBillingPlugin: false);
        var setup = await factory.SetupAsync();
        var client = factory.ClientWithToken(setup.ApiToken);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/workspaces/{setup.WorkspaceId}/channels", ChannelSettings)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/workspaces/{setup.WorkspaceId}/billing")).StatusCode);
    }

    private static async Task<HttpClient> SignInAsync(BillingWebFactory factory, string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = Token(await client.GetStringAsync("/login"));
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Rahasia-123",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "No antiforgery token on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
