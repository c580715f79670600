using System.Diagnostics;

namespace LoadGenerator;

public sealed record ScenarioResult(string Name, int Sent, int Succeeded, int Failed, int Dropped, double Seconds, double P50, double P95, double P99, double Max)
{
    public double Throughput => Succeeded / Seconds;

    public override string ToString() =>
        $"| {Name} | {Sent} | {Throughput:F0}/s | {P50:F1} | {P95:F1} | {P99:F1} | {Max:F1} | {Failed} | {Dropped} |";
}

/// <summary>
/// An open-loop run: requests start at a fixed rate whatever the answers' speed (so a slow server shows as latency,
/// not as a politely lower rate), at most <c>concurrency</c> in flight (beyond that a start is dropped and counted).
/// Bounded by count and time: rate × seconds requests at most.
/// </summary>
public static class Scenario
{
    public static async Task<ScenarioResult> RunAsync(string name, int rate, int seconds, int concurrency, Func<int, Task<bool>> call)
    {
        var latencies = new List<double>(rate * seconds);
        var (succeeded, failed, dropped, inFlight) = (0, 0, 0, 0);
        var total = rate * seconds;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            if (Volatile.Read(ref inFlight) >= concurrency) { dropped++; continue; }
            Interlocked.Increment(ref inFlight);
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await call(n); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { ok = false; }
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Decrement(ref inFlight);
                lock (latencies)
                {
                    latencies.Add(ms);
                    if (ok) succeeded++; else failed++;
                }
            }));
        }
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new ScenarioResult(name, tasks.Count, succeeded, failed, dropped, elapsed, P(0.50), P(0.95), P(0.99), latencies.LastOrDefault());
    }
}
