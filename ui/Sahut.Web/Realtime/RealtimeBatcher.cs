using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace Sahut.Web.Realtime;

/// <summary>
/// Sends events to SignalR groups as <c>events</c> arrays: whatever queued for a group while the previous send was
/// going out leaves as one message. A quiet inbox gets each event at once; a burst (hundreds of messages a second to
/// hundreds of browsers) costs one send per group per round instead of one per event, and events keep their order.
/// </summary>
internal sealed class RealtimeBatcher(IHubContext<InboxHub> hub, ILogger<RealtimeBatcher> logger) : BackgroundService
{
    public const string ClientMethod = "events";
    private const int MaxRound = 2048;

    private readonly Channel<(string Group, object Payload)> queue =
        Channel.CreateUnbounded<(string, object)>(new UnboundedChannelOptions { SingleReader = true });

    public void Post(string group, object payload) => queue.Writer.TryWrite((group, payload));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var round = new List<(string Group, object Payload)>(MaxRound);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (round.Count < MaxRound && queue.Reader.TryRead(out var item))
                {
                    round.Add(item);
                }

                await Task.WhenAll(round.GroupBy(i => i.Group).Select(g => SendAsync(g.Key, g.Select(i => i.Payload).ToList(), stoppingToken)));
                round.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(string group, List<object> payloads, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(group).SendAsync(ClientMethod, payloads, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Sending {Count} real-time events to {Group} failed", payloads.Count, group);
        }
    }
}
