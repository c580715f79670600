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

    /// <summary>
    /// A closed-loop run (a call that throws <see cref="NothingLeftException"/> ends its caller; the result's
    /// <c>Dropped</c> then counts the callers that ran out and <c>Seconds</c> is when the last one stopped): <paramref name="callers"/> callers, each sending its next request as soon as the last one is
    /// answered, for <paramref name="seconds"/>. Shows how latency and throughput grow with the number of callers.
    /// </summary>
    public static async Task<ScenarioResult> ClosedLoopAsync(string name, int callers, int seconds, Func<int, Task<bool>> call)
    {
        var latencies = new List<double>();
        var (succeeded, failed, next, ranOut) = (0, 0, 0, 0);
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < end)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await call(Interlocked.Increment(ref next)); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { ok = false; }
                catch (NothingLeftException)
                {
                    Interlocked.Increment(ref ranOut);
                    return;
                }
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                    if (ok) succeeded++; else failed++;
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new ScenarioResult(name, latencies.Count, succeeded, failed, ranOut, elapsed, P(0.50), P(0.95), P(0.99), latencies.LastOrDefault());
    }
}

/// <summary>Thrown by a call that has nothing left to work on (no dossier waiting for the step): its caller stops.</summary>
public sealed class NothingLeftException : Exception;
