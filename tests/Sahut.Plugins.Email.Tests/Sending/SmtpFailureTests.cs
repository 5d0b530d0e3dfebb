using System.Linq.Expressions;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sahut.Data;
using Sahut.Domain;
using Sahut.Plugins.Email.Tests.Infrastructure;

namespace Sahut.Plugins.Email.Tests.Sending;

/// <summary>The SMTP fixture answers 550 to recipients starting with "reject" and 451 to those starting with "tempfail".</summary>
[Collection(MailServersCollection.Name)]
public sealed class SmtpFailureTests(MailServers mail) : TempDataDir
{
    [Fact]
    public async Task A_refused_recipient_fails_the_message_without_retrying()
    {
        var failed = await SendAndWaitAsync("reject-me@pelanggan.example", o => o.State == OutboxState.Failed, "the refused send to be failed");

        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried_not_failed()
    {
        var retried = await SendAndWaitAsync("tempfail@pelanggan.example", o => o.Attempts >= 2, "the temporarily refused send to be tried again");

        Assert.NotEqual(OutboxState.Failed, retried.State);
        Assert.Contains("451", retried.LastError, StringComparison.Ordinal);
    }

    private async Task<OutboxItem> SendAndWaitAsync(string to, Expression<Func<OutboxItem, bool>> until, string what)
    {
        var user = mail.AddUser();
        await using var host = new EmailHost(DataDir);
        var api = await host.SetupAsync();
        var channelId = await api.ConnectEmailAsync(mail.ChannelSettings(user));

        var response = await api.Http.PostAsJsonAsync($"{api.Base}/messages", new { channelId, to, content = "Halo" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        return await Eventually.GetAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SahutDbContext>().Outbox.AsNoTracking().FirstOrDefaultAsync(until);
        }, what);
    }
}
