using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Channels;

namespace Sahut.Web.Tests.Pages;

/// <summary>The connect forms on Settings → Channels come from the channel plugins (real WhatsApp and Email plugins loaded).</summary>
public sealed class ChannelConnectFormTests : IAsyncLifetime
{
    private readonly PagesAppFactory factory = new();
    private WorkspaceWorld world = null!;

    public async Task InitializeAsync() => world = await WorkspaceWorld.CreateAsync(factory.Services);

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Plugins_describe_their_fields_and_the_form_connects_a_channel()
    {
        var client = await SignedInClient.CreateAsync(factory, WorkspaceWorld.OwnerA, WorkspaceWorld.Password);
        var path = $"/w/{world.WorkspaceA}/settings/channels";
        var html = await client.GetStringAsync(path);

        Assert.Contains("Host IMAP", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"imapSecurity\"", html, StringComparison.Ordinal);
        Assert.Matches("type=\"password\"[^>]*data-field=\"accessToken\"", html);
        Assert.Matches("<option value=\"qontak\"", html);

        var token = await SignedInClient.AntiforgeryTokenAsync(client, path);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Type"] = "whatsapp",
            ["Input.Name"] = "CS Jakarta",
        };
        var values = new[] { ("provider", "cloud"), ("phoneNumberId", "301947562281904"), ("wabaId", "184203917755631"), ("accessToken", "EAAG-token"), ("appSecret", "app-secret-1"), ("verifyToken", "verify-1"), ("apiKey", ""), ("apiBaseUrl", "https://graph.facebook.com/v23.0") };
        for (var i = 0; i < values.Length; i++)
        {
            fields[$"Input.Keys[{i}]"] = values[i].Item1;
            fields[$"Input.Values[{i}]"] = values[i].Item2;
        }

        var response = await client.PostAsync(path + "?handler=Connect", new FormUrlEncodedContent(fields));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Redirect || !answer.Contains("form-errors", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(answer, "<ul class=\"form-errors\">[\\s\\S]*?</ul>").Value);

        await using var scope = factory.Services.CreateAsyncScope();
        var stored = scope.ServiceProvider.GetRequiredService<Sahut.Data.SahutDbContext>().Channels.Single(c => c.WorkspaceId == world.WorkspaceA && c.Name == "CS Jakarta");
        var connected = scope.ServiceProvider.GetRequiredService<ChannelSettingsProtector>().ToContext(stored);
        Assert.Equal("301947562281904", connected.Settings["phoneNumberId"]!.GetValue<string>());
        Assert.False(connected.Settings.ContainsKey("apiKey"));
    }
}
