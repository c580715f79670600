using Npgsql;

namespace Benchmarks.Engine;

/// <summary>
/// With <c>PROBE_WAITS=1</c>: what the server's busy connections are doing while rounds run, sampled from
/// <c>pg_stat_activity</c> every few milliseconds and counted by wait event (CPU when none) and statement, so a statement whose
/// execution time grows with the callers can be told apart as waiting on a lock or buffer, or running.
/// </summary>
internal sealed class WaitSampler : IAsyncDisposable
{
    private readonly Dictionary<string, int> _counts = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private int _samples;

    public static bool Enabled => Environment.GetEnvironmentVariable("PROBE_WAITS") == "1";

    public WaitSampler(NpgsqlDataSource dataSource) => _sampling = Task.Run(() => SampleAsync(dataSource, _stop.Token));

    public bool Recording { get; set; }

    private async Task SampleAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var query = new NpgsqlCommand(
            "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU'), left(regexp_replace(query, '\\s+', ' ', 'g'), 60) " +
            "FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()", conn);
        while (!ct.IsCancellationRequested)
        {
            if (Recording)
            {
                _samples++;
                await using var r = await query.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    var key = $"{r.GetString(0),-28} {r.GetString(1)}";
                    _counts[key] = _counts.GetValueOrDefault(key) + 1;
                }
            }
            try { await Task.Delay(5, ct); } catch (OperationCanceledException) { }
        }
    }

    public void Print(string title, int top)
    {
        Console.WriteLine($"server connections sampled ({title}, {_samples} samples; busy connections per sample by wait and statement):");
        foreach (var (key, count) in _counts.OrderByDescending(c => c.Value).Take(top))
            Console.WriteLine($"  {(double)count / Math.Max(1, _samples),6:N2}  {key}");
        _counts.Clear();
        _samples = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _sampling; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
