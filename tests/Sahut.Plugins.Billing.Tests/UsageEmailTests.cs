using Sahut.Plugins.Billing.Tests.Infrastructure;

namespace Sahut.Plugins.Billing.Tests;

/// <summary>The 80 % notice reaches owners and admins (not agents) at a real SMTP server, through the core's system mail sender.</summary>
public sealed class UsageEmailTests
{
    [Fact]
    public async Task Usage_notice_email_arrives_at_a_real_smtp_server_once()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var harness = await BillingHarness.StartAsync(smtpPort: smtp.Port);
        var ws = await harness.SeedWorkspaceAsync();
        for (var i = 0; i < 9; i++)
        {
            await harness.OpenConversationAsync(ws, i);
        }

        await BillingHarness.EventuallyAsync(
            () => Task.FromResult(ws.AdminEmails.All(address => smtp.Received.Contains(address, StringComparison.OrdinalIgnoreCase))),
            "the 80 % email to every owner and admin");
        var received = smtp.Received;
        // Conversations are counted in batches, so the notice names the usage when its batch crossed 80 %.
        Assert.Matches(@"Subject: Sahut: pemakaian percakapan 80% \([89]/10\)", received);
        Assert.Contains("tagihan@sahut.test", received, StringComparison.Ordinal);
        Assert.DoesNotContain(ws.AgentEmail, received, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ws.AdminEmails.Count, CountOccurrences(received, "Subject: Sahut: pemakaian percakapan 80%"));
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
