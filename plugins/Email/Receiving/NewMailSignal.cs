namespace Sahut.Plugins.Email.Receiving;

/// <summary>
/// Remembers that the server announced a change in the INBOX (EXISTS) since the last catch-up began. The server may
/// announce new mail in the answer to any command, not only during IDLE; a flag that lives as long as the connection
/// keeps such an announcement from being lost before the next IDLE starts.
/// </summary>
internal sealed class NewMailSignal : IDisposable
{
    private CancellationTokenSource current = new();

    /// <summary>Cancelled once new mail was announced.</summary>
    public CancellationToken Announced => current.Token;

    public void Set(object? sender, EventArgs e) => current.Cancel();

    /// <summary>Called as a catch-up begins: that catch-up sees everything announced so far.</summary>
    public void Reset()
    {
        if (current.IsCancellationRequested)
        {
            current.Dispose();
            current = new CancellationTokenSource();
        }
    }

    public void Dispose() => current.Dispose();
}
