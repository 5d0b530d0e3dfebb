using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Plugins;

namespace Sahut.Web.Tests.Plugins;

public sealed class PluginHostingTests(PluginHostFixture fixture) : IClassFixture<PluginHostFixture>
{
    [Fact]
    public async Task Razor_page_from_a_plugin_is_served()
    {
        using var client = fixture.Factory.CreateClient();

        var html = await client.GetStringAsync("/test-plugins/alpha/hello");

        Assert.Contains("Hello from the Alpha plugin page", html, StringComparison.Ordinal);
        Assert.Contains("Page model ran inside the plugin", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Controller_from_a_plugin_is_served()
    {
        using var client = fixture.Factory.CreateClient();

        var body = await client.GetFromJsonAsync<PingResponse>("/test-plugins/alpha/api/ping");

        Assert.Equal(new PingResponse("alpha", true), body);
    }

    [Fact]
    public async Task Endpoints_contributed_by_plugins_are_served_and_each_sees_its_own_dependency_version()
    {
        using var client = fixture.Factory.CreateClient();

        var alpha = (await client.GetStringAsync("/test-plugins/alpha/nodatime")).Split('|');
        var beta = (await client.GetStringAsync("/test-plugins/beta/nodatime")).Split('|');

        Assert.StartsWith("2.4.", alpha[0], StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(fixture.Folder.Path, "Alpha"), alpha[1], StringComparison.Ordinal);
        Assert.StartsWith("3.3.", beta[0], StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(fixture.Folder.Path, "Beta"), beta[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faulty_plugins_are_failed_with_a_reason_and_the_host_serves_the_others()
    {
        using var client = fixture.Factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var entries = fixture.Factory.Services.GetRequiredService<PluginCatalog>().Entries.ToDictionary(e => e.Id);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(PluginState.Loaded, entries["test-alpha"].State);
        Assert.Equal(PluginState.Loaded, entries["test-beta"].State);
        AssertFailed(entries["test-throwing"], "threw while loading");
        AssertFailed(entries["other-abi"], "ABI 99");
        AssertFailed(entries["corrupt"], "could not be loaded");
        AssertFailed(entries["missing-dll"], "is missing");
        AssertFailed(entries["NoManifest"], "plugin.json is missing");
        AssertFailed(entries["BadManifest"], "not valid JSON");
        Assert.Equal(8, entries.Count);
    }

    [Fact]
    public async Task Real_plugins_are_built_into_the_default_plugins_folder_and_load()
    {
        using var factory = new PluginHostFactory();
        using var client = factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var entries = factory.Services.GetRequiredService<PluginCatalog>().Entries;

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(["billing", "email", "reports", "whatsapp"], entries.Select(e => e.Id).Order().ToArray());
        Assert.All(entries, e => Assert.True(e.State == PluginState.Loaded, $"{e.Id}: {e.FailureReason}"));
    }

    private static void AssertFailed(PluginEntry entry, string reason)
    {
        Assert.Equal(PluginState.Failed, entry.State);
        Assert.Contains(reason, entry.FailureReason, StringComparison.Ordinal);
    }

    private sealed record PingResponse(string Plugin, bool Pong);
}
