using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sahut.Plugins.Email.Tests.Infrastructure;

namespace Sahut.Plugins.Email.Tests.Settings;

[Collection(MailServersCollection.Name)]
public sealed class ConnectionTestTests(MailServers mail) : TempDataDir
{
    [Fact]
    public async Task Test_connection_logs_in_to_IMAP_and_SMTP_and_names_the_field_that_is_wrong()
    {
        var user = mail.AddUser();
        await using var host = new EmailHost(DataDir);
        var api = await host.SetupAsync();
        var url = $"{api.Base}/channels/email/test-connection";

        var good = await api.Http.PostAsJsonAsync(url, mail.ChannelSettings(user));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);

        var wrongPassword = await api.Http.PostAsJsonAsync(url, mail.ChannelSettings(user, password: "salah"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        var errors = (await wrongPassword.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("refused the username or password", errors.GetProperty("imapPassword")[0].GetString(), StringComparison.Ordinal);

        var unreachable = mail.ChannelSettings(user);
        unreachable["smtpPort"] = 1;
        var noSmtp = await api.Http.PostAsJsonAsync(url, unreachable);
        Assert.Equal(HttpStatusCode.BadRequest, noSmtp.StatusCode);
        var smtpErrors = (await noSmtp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(smtpErrors.TryGetProperty("smtpHost", out _), smtpErrors.ToString());
        Assert.False(smtpErrors.TryGetProperty("imapPassword", out _));
    }

    [Fact]
    public async Task Connecting_with_a_wrong_password_is_refused_with_the_field_error()
    {
        var user = mail.AddUser();
        await using var host = new EmailHost(DataDir);
        var api = await host.SetupAsync();

        var response = await api.Http.PostAsJsonAsync($"{api.Base}/channels", new { type = "email", name = "Support", settings = mail.ChannelSettings(user, password: "salah") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("imapPassword", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_workspace_cannot_test_connections_or_see_quarantine()
    {
        var user = mail.AddUser();
        await using var host = new EmailHost(DataDir);
        var api = await host.SetupAsync();
        var channelId = await api.ConnectEmailAsync(mail.ChannelSettings(user));
        var stranger = host.ApiFor(Guid.NewGuid(), api.Token);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.PostAsJsonAsync($"{stranger.Base}/channels/email/test-connection", mail.ChannelSettings(user))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"{stranger.Base}/channels/{channelId}/email/quarantine")).StatusCode);
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{api.Base}/channels/{channelId}/email/quarantine")).StatusCode);
    }
}
