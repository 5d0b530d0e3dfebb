namespace Sahut.FakeGraphApi;

/// <summary>Runs the fake on its own to try Sahut locally: point a channel's apiBaseUrl at the printed URL.</summary>
internal static class FakeGraphProgram
{
    public static async Task Main(string[] args)
    {
        var port = args.Length > 0 && int.TryParse(args[0], out var p) ? p : 8099;
        await using var server = await FakeGraphServer.StartAsync(port);
        Console.WriteLine($"Fake Graph API at {server.GraphBaseUrl} (token '{server.AccessToken}').");
        Console.WriteLine($"Fake Wati API at {server.Wati.BaseUrl} (token '{server.Wati.AccessToken}'), fake Qontak API at {server.Qontak.BaseUrl} (token '{server.Qontak.AccessToken}'). Ctrl+C to stop.");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        await stop.Task;
    }
}
