using MassTransit;

namespace Worker.Messaging;

/// <summary>
/// What one failed message does: it is handed to its consumer again, in the same process, with growing waits (0.2 s up
/// to 30 s, about two minutes in all), before the transport moves it to the endpoint's <c>_error</c> queue. A database
/// restart or failover breaks every pooled connection at once; without this, each message in flight at that moment went
/// straight to <c>_error</c>, where nothing in the product looks, and its citizen notice was never sent. Consumers are
/// idempotent (<see cref="ProcessedMessages"/>), so another attempt is safe.
/// </summary>
public static class ConsumerRetry
{
    public const int Attempts = 8;
    public static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(200), LongestWait = TimeSpan.FromSeconds(30), WaitGrowth = TimeSpan.FromSeconds(2);

    public static void Apply(IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(r => r.Exponential(Attempts, FirstWait, LongestWait, WaitGrowth));
}
