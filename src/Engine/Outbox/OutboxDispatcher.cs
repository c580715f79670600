using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Engine.Outbox;

/// <summary>
/// Publishes committed outbox rows, the message id being the row id so consumers can dedupe. Each run leases a batch
/// (<see cref="OutboxClaim"/>), publishes it with no transaction open, and marks each row sent right after the broker
/// confirms it (<see cref="SentMarks"/>), so a crash republishes only what was not confirmed. The rows of one instance go one after another in sequence
/// order, also across dispatchers in several processes; different instances go in parallel. A row that fails is retried
/// with backoff and parked after <see cref="OutboxOptions.MaxAttempts"/>, holding back only the later rows of its instance.
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IServiceProvider services,
    OutboxTypeMap types,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    Metrics.EngineMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Claims and publishes one batch.</summary>
    public async Task<OutboxBatchResult> DispatchBatchAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var claimed = await OutboxClaim.ClaimAsync(dataSource, clock.GetUtcNow(), settings.Lease, settings.BatchSize, ct);
        if (claimed.Count == 0) return default;
        var batch = new Batch(services.GetRequiredService<IOutboxPublisher>(), new SentMarks(dataSource, clock));
        // A lane is an instance's rows in sequence order; a row without an instance is a lane of its own.
        var lanes = claimed.GroupBy(r => r.InstanceId ?? r.Id, r => r);
        try
        {
            await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = settings.PublishConcurrency, CancellationToken = ct },
                async (lane, token) => await PublishLaneAsync(batch, lane.ToList(), token));
        }
        finally
        {
            await batch.Marks.CompleteAsync();
        }
        await OutboxOutcomes.ReleaseAsync(dataSource, batch.Released, CancellationToken.None);
        metrics.OutboxPublished(batch.Published);
        return new OutboxBatchResult(claimed.Count, batch.Published, batch.Failed, batch.PublishFailed);
    }

    private async Task PublishLaneAsync(Batch batch, List<ClaimedRow> lane, CancellationToken ct)
    {
        for (var i = 0; i < lane.Count; i++)
        {
            var row = lane[i];
            // Past this point another dispatcher may hold the rows; publishing them would only make duplicates.
            if (clock.GetUtcNow() >= row.LeasedUntil - options.Value.Lease / 5 || batch.Marks.Failed) return;
            if (batch.PublishFailed)
            {
                batch.Release(lane.Skip(i));
                return;
            }
            var failure = await PublishAsync(batch.Publisher, row, ct);
            if (failure is not null)
            {
                await RecordFailureAsync(row, failure);
                batch.Fail(failure is not UnreadableMessageException);
                batch.Release(lane.Skip(i + 1));
                return;
            }
            batch.Marks.Add(row.Id);
            batch.Sent();
        }
    }

    /// <summary>Null when the broker confirmed the message; else what went wrong with it. Cancellation is not a failure of the row.</summary>
    private async Task<Exception?> PublishAsync(IOutboxPublisher publisher, ClaimedRow row, CancellationToken ct)
    {
        (object Message, Type Type) message;
        try { message = OutboxMessages.Read(types, row); }
        catch (UnreadableMessageException e) { return e; }
        try
        {
            await publisher.PublishAsync(row.Id, message.Message, message.Type, ct);
            return null;
        }
        catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
        {
            return e; // whatever the publisher throws is this row's failed attempt; it is recorded and retried
        }
    }

    private async Task RecordFailureAsync(ClaimedRow row, Exception e)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var attempts = row.Attempts + 1;
        var park = attempts >= settings.MaxAttempts;
        var next = park ? (DateTimeOffset?)null : now + settings.RetryDelay(attempts, Random.Shared.NextDouble());
        var error = $"{e.GetType().Name}: {e.Message}";
        if (!await OutboxOutcomes.RecordFailureAsync(dataSource, row, error, next, park ? now : null, CancellationToken.None))
            return; // the lease ran out and another dispatcher took the row over: its outcome is the one that counts
        metrics.OutboxFailed(park);
        if (park)
            logger.LogError(e, "Outbox message {MessageId} ({Type}) is parked after {Attempts} failed attempts; it waits for an operator to replay or discard it",
                row.Id, row.Type, attempts);
        else
            logger.LogWarning("Outbox message {MessageId} ({Type}) failed attempt {Attempts}, next at {NextAttemptAt:O}: {Error}",
                row.Id, row.Type, attempts, next, error);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outage = 0; // runs in a row whose publishes all failed: the broker is probably down
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var batch = await DispatchBatchAsync(stoppingToken);
                outage = batch.PublishFailed && batch.Published == 0 ? outage + 1 : 0;
                if (outage == 0 && batch.Claimed > 0) continue;
                // Backing off as a whole during an outage keeps its failures from using up the attempts of many messages.
                wait = outage > 0 ? options.Value.RetryDelay(outage, Random.Shared.NextDouble()) : options.Value.PollInterval;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox dispatch failed");
                wait = options.Value.PollInterval;
            }
            try { await Task.Delay(wait, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>What the lanes of one run share: the publisher, the counts, and whether a publish failed.</summary>
    private sealed class Batch(IOutboxPublisher publisher, SentMarks marks)
    {
        private int _published, _failed, _publishFailed;
        public IOutboxPublisher Publisher => publisher;
        public SentMarks Marks => marks;
        public ConcurrentBag<ClaimedRow> Released { get; } = [];
        public int Published => _published;
        public int Failed => _failed;
        /// <summary>A publish (not a read) failed: the broker may be down, so the run starts no further publish.</summary>
        public bool PublishFailed => Volatile.Read(ref _publishFailed) == 1;
        public void Sent() => Interlocked.Increment(ref _published);

        public void Fail(bool publishFailed)
        {
            Interlocked.Increment(ref _failed);
            if (publishFailed) Volatile.Write(ref _publishFailed, 1);
        }

        public void Release(IEnumerable<ClaimedRow> rows)
        {
            foreach (var row in rows) Released.Add(row);
        }
    }
}
