namespace Sahut.Plugins.Email.Tests.Infrastructure;

/// <summary>Waits for something asynchronous (a background receiver, the outbox) to happen, with a generous limit.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(200);
        }
    }
}
