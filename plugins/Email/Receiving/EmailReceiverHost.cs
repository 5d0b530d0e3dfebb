using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sahut.Channels;

namespace Sahut.Plugins.Email.Receiving;

/// <summary>
/// Runs one <see cref="MailboxReceiver"/> per connected email channel, starting receivers for channels connected later
/// and stopping those of channels disconnected or changed.
/// </summary>
internal sealed class EmailReceiverHost(
    IChannelDirectory directory,
    Func<MailboxReceiver> receivers,
    EmailOptions options,
    TimeProvider time,
    ILogger<EmailReceiverHost> logger) : BackgroundService
{
    private readonly Dictionary<Guid, RunningReceiver> running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    Reconcile(await directory.ListAsync(EmailChannelType.TypeKey, stoppingToken), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Listing email channels failed");
                }

                await Task.Delay(options.ChannelRefreshInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var receiver in running.Values)
            {
                await receiver.StopAsync();
            }

            running.Clear();
        }
    }

    private void Reconcile(IReadOnlyList<ChannelContext> channels, CancellationToken stoppingToken)
    {
        var wanted = channels.ToDictionary(c => c.ChannelId);
        foreach (var (id, receiver) in running.ToList())
        {
            if (!wanted.TryGetValue(id, out var channel) || channel.Settings.ToJsonString() != receiver.SettingsJson)
            {
                _ = receiver.StopAsync();
                running.Remove(id);
            }
        }

        foreach (var channel in channels.Where(c => !running.ContainsKey(c.ChannelId)))
        {
            var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var task = receivers().RunAsync(channel, cancellation.Token);
            running[channel.ChannelId] = new RunningReceiver(channel.Settings.ToJsonString(), cancellation, task);
        }
    }

    private sealed record RunningReceiver(string SettingsJson, CancellationTokenSource Cancellation, Task Task)
    {
        public async Task StopAsync()
        {
            await Cancellation.CancelAsync();
            try
            {
                await Task;
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Cancellation.Dispose();
            }
        }
    }
}
