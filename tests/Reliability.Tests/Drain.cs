using System.Diagnostics;
using Tests.Shared;

namespace Reliability.Tests;

/// <summary>
/// Work still on its way to a citizen: outbox rows not yet published (waiting for a retry too), messages in RabbitMQ
/// queues other than <c>_error</c>/<c>_skipped</c> (ready, or held unacknowledged by a consumer retrying in process or
/// killed mid-way until the broker sees it), deliveries not yet sent, timers already due. <see cref="Queues"/> is null
/// when the broker did not answer: then nothing can be said to be idle.
/// </summary>
public sealed record InFlight(long OutboxPending, IReadOnlyList<QueueDepth>? Queues, long DeliveriesPending, long DueTimers)
{
    public int QueuedMessages => Queues?.Where(q => !q.IsError && !q.IsSkipped).Sum(q => q.Messages) ?? 0;
    public bool IsIdle => OutboxPending == 0 && Queues is not null && QueuedMessages == 0 && DeliveriesPending == 0 && DueTimers == 0;

    /// <summary>
    /// Read upstream first (outbox, broker, deliveries): a notice that moves on between two reads is then seen at the later
    /// stage, so an idle reading means nothing was in flight, not that it slipped between the reads.
    /// </summary>
    public static async Task<InFlight> ReadAsync(SystemState state, RabbitMqNode rabbit)
    {
        var outbox = await state.OutboxPendingAsync();
        var queues = await rabbit.QueuesAsync();
        return new InFlight(outbox, queues, await state.DeliveriesPendingAsync(), await state.DueTimersAsync());
    }

    public override string ToString() =>
        $"outbox pending {OutboxPending}, deliveries pending {DeliveriesPending}, timers due {DueTimers}, RabbitMQ " + (Queues is null ? "did not answer"
            : Queues.Any(q => q.Messages > 0) ? string.Join(", ", Queues.Where(q => q.Messages > 0)) : "all queues empty");
}

/// <summary>
/// The wait after the load. It ends when the run is settled (every e-mail owed is in the log and at the sink, nothing in
/// flight); or when nothing has been in flight for <see cref="Quiet"/> while e-mails are still missing, since then nothing
/// is left that could bring them and waiting longer would only hide a loss; or at the limit, while work keeps moving
/// (a slow machine: CI on two shared cores, a consumer retrying through a restart).
/// </summary>
public static class Drain
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);

    public sealed record Outcome(TimeSpan Took, InFlight Last, string Ended, long EmailsSent);

    public static async Task<Outcome> RunAsync(SystemState state, RabbitMqNode rabbit, Func<long> distinctAtSink, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? idleSince = null;
        var lastProgress = TimeSpan.Zero;
        while (true)
        {
            var inFlight = await InFlight.ReadAsync(state, rabbit);
            var sent = await state.EmailsSentAsync();
            var missing = await state.ReturnedWithoutNoticesAsync();
            var settled = missing == 0 && sent > 0 && distinctAtSink() >= sent && await state.OverdueTimersAsync() == 0;
            if (inFlight.IsIdle && settled) return new(clock.Elapsed, inFlight, "settled", sent);
            idleSince = inFlight.IsIdle ? idleSince ?? clock.Elapsed : null;
            if (idleSince is { } since && clock.Elapsed - since >= Quiet)
                return new(clock.Elapsed, inFlight, $"nothing in flight for {Quiet.TotalSeconds:0} s, {missing} dossiers still without an e-mail", sent);
            if (clock.Elapsed >= limit) return new(clock.Elapsed, inFlight, $"limit of {limit.TotalSeconds:0} s reached with work in flight", sent);
            if (clock.Elapsed - lastProgress >= ProgressEvery)
            {
                lastProgress = clock.Elapsed;
                TestContext.Progress.WriteLine($"  drain {clock.Elapsed.TotalSeconds:0} s: {inFlight}; dossiers without an e-mail {missing}, e-mails sent {sent}, at the sink {distinctAtSink()}");
            }
            await Task.Delay(1000);
        }
    }
}
