using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Worker.Channels;

namespace Worker.Delivery;

/// <summary>
/// Sends what the delivery log holds as queued or waiting for a retry. Rows are leased with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several worker processes share the work and never send the same row at once;
/// a process that dies mid-send leaves a lease that expires, and another process sends the row then.
/// Each outcome is written back: sent with the provider's answer, or retrying with backoff, or failed for good.
/// </summary>
public sealed class DeliveryDispatcher(NpgsqlDataSource dataSource, IServiceProvider services, DeliverySettings settings,
    TimeProvider clock, ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    /// <summary>Sends one batch of due deliveries; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var (claimed, leaseUntil) = await ClaimAsync(ct);
        if (claimed.Count == 0) return 0;
        var held = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var senders = scope.ServiceProvider.GetRequiredService<ChannelSenders>();
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (d, token) =>
        {
            // A slow batch must not outlive its lease: once another dispatcher may have taken the row, sending it is sending twice.
            if (held.Elapsed > settings.Lease / 2)
            {
                await GiveBackAsync(d.Id, leaseUntil, token);
                return;
            }
            string answer;
            try
            {
                answer = await senders.SendAsync(d, token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                var final = d.Attempts >= settings.MaxAttempts;
                logger.LogWarning("Delivery {Id} ({Channel}) attempt {Attempt} failed{Final}: {Error}", d.Id, d.Channel, d.Attempts,
                    final ? " for good" : "", e.Message);
                await RecordAsync(d.Id, DeliveryOutcomes.Failure(e.Message, final, clock.GetUtcNow() + settings.RetryDelay(d.Attempts), clock.GetUtcNow()), token);
                return;
            }
            await RecordSentAsync(d, answer, token);
        });
        return claimed.Count;
    }

    private async Task<(List<ClaimedDelivery> Rows, DateTimeOffset LeaseUntil)> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + settings.Lease;
        leaseUntil = leaseUntil.AddTicks(-(leaseUntil.Ticks % 10)); // microseconds, as stored, so GiveBackAsync can compare
        await using var command = dataSource.CreateCommand("""
            UPDATE notifications.deliveries d SET lease_until = $1, attempts = d.attempts + 1, updated_at = $2
            WHERE d.id IN (SELECT id FROM notifications.deliveries
                           WHERE status IN ('Queued', 'Retrying') AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until < $2)
                           ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING d.id, d.channel, d.recipient, d.recipient_name, d.subject, d.body, d.attempts
            """);
        command.Parameters.Add(new() { Value = leaseUntil });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = settings.BatchSize });
        var claimed = new List<ClaimedDelivery>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            claimed.Add(new(r.GetGuid(0), Enum.Parse<MessageChannel>(r.GetString(1)), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetString(4), r.GetString(5), r.GetInt32(6)));
        return (claimed, leaseUntil);
    }

    /// <summary>A claimed row not sent: its attempt is undone and it is free at once, unless another dispatcher holds it now.</summary>
    private async Task GiveBackAsync(Guid id, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE notifications.deliveries SET lease_until = NULL, attempts = attempts - 1 WHERE id = $1 AND lease_until = $2 AND status IN ('Queued', 'Retrying')");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = leaseUntil });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The message is out: recording it must not turn into a failure, which would send it again. A database blip (a restart,
    /// a failover, a broken pooled connection) is waited out, within half the lease, before the row is left to its lease.
    /// </summary>
    private async Task RecordSentAsync(ClaimedDelivery d, string answer, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew(); // real time: it is the lease that runs out, whatever the clock says
        for (var wait = TimeSpan.FromMilliseconds(100); ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
        {
            try
            {
                await RecordAsync(d.Id, DeliveryOutcomes.Sent(answer, clock.GetUtcNow()), ct);
                return;
            }
            catch (NpgsqlException e) when (waited.Elapsed < settings.Lease / 2 && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Delivery {Id} ({Channel}) was sent but not yet recorded, trying again: {Error}", d.Id, d.Channel, e.Message);
                await Task.Delay(wait, ct);
            }
        }
    }

    private async Task RecordAsync(Guid id, DeliveryOutcome outcome, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE notifications.deliveries SET status = $2, provider_answer = coalesce($3, provider_answer), last_error = $4,
                   sent_at = $5, next_attempt_at = coalesce($6, next_attempt_at), lease_until = NULL, updated_at = $7
            WHERE id = $1
            """);
        foreach (var value in new object?[] { id, outcome.Status.ToString(), outcome.Answer, outcome.Error, outcome.SentAt, outcome.NextAttemptAt, clock.GetUtcNow() })
            command.Parameters.Add(new() { Value = value ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DeliverDueAsync(stoppingToken) > 0) continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Delivery dispatch failed");
            }
            try { await Task.Delay(settings.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
