using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Engine.Metrics;

/// <summary>How often the engine's gauges are read from the database.</summary>
public sealed class EngineMetricsOptions
{
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Reads everything the engine's gauges report in one statement every <see cref="EngineMetricsOptions.SampleInterval"/>,
/// each figure through the partial index over what is pending, so a sample costs the same with a million finished rows
/// as with none. A failed sample is logged, clears the gauges (no stale figure is reported) and is tried again at the
/// next interval; it never stops the host.
/// </summary>
public sealed class EngineMetricsSampler(NpgsqlDataSource dataSource, EngineMetrics metrics, TimeProvider clock,
    IOptions<EngineMetricsOptions> options, ILogger<EngineMetricsSampler> logger) : BackgroundService
{
    private const string Sql = """
        SELECT (SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL AND parked_at IS NULL),
               (SELECT created_at FROM engine.outbox WHERE dispatched_at IS NULL AND parked_at IS NULL ORDER BY sequence LIMIT 1),
               (SELECT count(*) FROM engine.outbox WHERE parked_at IS NOT NULL AND dispatched_at IS NULL AND discarded_at IS NULL),
               (SELECT t.next_attempt_at FROM engine.timers t JOIN engine.instances i ON i.id = t.instance_id
                 WHERE t.status = 'Pending' AND t.next_attempt_at <= $1 AND (t.leased_until IS NULL OR t.leased_until <= $1)
                   AND i.status = 'Running' ORDER BY t.next_attempt_at LIMIT 1),
               (SELECT count(*) FROM engine.incidents WHERE status = 'Open'),
               (SELECT count(*) FROM engine.incidents WHERE status = 'Retrying')
        """;

    /// <summary>Takes one sample now.</summary>
    public async Task<EngineSample> SampleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var cmd = dataSource.CreateCommand(Sql);
        cmd.Parameters.Add(new NpgsqlParameter { Value = now });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new EngineSample(now, r.GetInt64(0), Since(r, 1, now), r.GetInt64(2), Since(r, 3, now), r.GetInt64(4), r.GetInt64(5));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.Record(await SampleAsync(stoppingToken));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                metrics.Record(null);
                logger.LogWarning(e, "The engine's gauges could not be sampled; trying again in {Interval}", options.Value.SampleInterval);
            }
            try { await Task.Delay(options.Value.SampleInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private static TimeSpan Since(NpgsqlDataReader r, int column, DateTimeOffset now) =>
        r.IsDBNull(column) ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(0, (now - r.GetFieldValue<DateTimeOffset>(column)).Ticks));
}
