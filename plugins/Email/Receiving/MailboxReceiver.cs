using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Sahut.Channels;
using Sahut.Plugins.Email.Settings;

namespace Sahut.Plugins.Email.Receiving;

/// <summary>
/// Keeps one channel's INBOX read: catches up from the checkpoint, then waits with IDLE (or polls when the server has
/// no IDLE), and reconnects with exponential backoff after any failure.
/// </summary>
internal sealed class MailboxReceiver(
    MailConnector connector,
    MailboxCatchUp catchUp,
    IChannelDirectory directory,
    EmailOptions options,
    TimeProvider time,
    ILogger<MailboxReceiver> logger)
{
    public async Task RunAsync(ChannelContext channel, CancellationToken stoppingToken)
    {
        var settings = EmailSettings.From(channel.Settings);
        var delay = options.FirstReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = await connector.ConnectImapAsync(settings.Imap, stoppingToken);
                using var newMail = new NewMailSignal();
                client.Inbox.CountChanged += newMail.Set;
                await client.Inbox.OpenAsync(FolderAccess.ReadOnly, stoppingToken);
                logger.LogInformation("Receiving mail for channel {ChannelId} ({Address})", channel.ChannelId, settings.Address);
                delay = options.FirstReconnectDelay;
                while (!stoppingToken.IsCancellationRequested)
                {
                    newMail.Reset();
                    await catchUp.RunAsync(channel, settings.Address, client.Inbox, stoppingToken);
                    await WaitForMailAsync(client, newMail.Announced, stoppingToken);
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: cancelling IDLE drops the connection, whatever MailKit throws for it.
                return;
            }
            catch (AuthenticationException ex)
            {
                logger.LogWarning(ex, "IMAP login refused for channel {ChannelId}", channel.ChannelId);
                await directory.MarkNeedsReconnectAsync(channel.ChannelId, "The IMAP server refused the username or password.", stoppingToken);
                delay = options.MaxReconnectDelay;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Mail receiving for channel {ChannelId} failed; reconnecting in {Delay}", channel.ChannelId, delay);
            }

            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
        }
    }

    private async Task WaitForMailAsync(ImapClient client, CancellationToken newMail, CancellationToken stoppingToken)
    {
        if (newMail.IsCancellationRequested)
        {
            return;
        }

        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(options.PollInterval, time, stoppingToken);
            await client.NoOpAsync(stoppingToken);
            return;
        }

        // IDLE ends (its "done" token) when the server announces new mail or after the refresh interval.
        using var refresh = new CancellationTokenSource(options.IdleRefresh, time);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(newMail, refresh.Token);
        await client.IdleAsync(done.Token, stoppingToken);
    }
}
