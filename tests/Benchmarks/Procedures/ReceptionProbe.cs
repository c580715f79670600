using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Benchmarks.Procedures;

/// <summary>
/// Receptions at the counter with several callers, all at one one-stop shop against spread over many, in the same run (issue 20:
/// the dossier number's counter row is one per shop and day, and a reception holds its lock until it commits). "A shop" here is
/// one counter row: the spread layout gives each caller its own day (whole weeks apart, so every day is the same weekday) at the
/// sample commune's shop, which locks exactly as another shop would. Prints receptions per second and p50/p99 per layout.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- receptions [receptions per run] [callers, e.g. 1,4,16] [shops when spread]</c>.
/// </summary>
internal static class ReceptionProbe
{
    public static async Task RunAsync(int count, IReadOnlyList<int> callerCounts, int shops)
    {
        await using var db = await SampleDatabase.StartAsync();
        var shop = await db.UnitIdAsync("001.01.31.H29");
        List<HandedDocument> documents;
        Guid procedure;
        await using (var scope = db.Services.CreateAsyncScope())
        {
            var p = await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Procedures.Include(p => p.RequiredDocuments)
                .SingleAsync(p => p.Code == "2.000720");
            (procedure, documents) = (p.Id, p.RequiredDocuments.Where(d => !d.IsOptional).Select(d => new HandedDocument(d.Id)).ToList());
        }
        var run = 0;
        async Task<Result> RunAsync(int callers, int rows)
        {
            // Each run on days of its own (up to three years back), so no run finds a counter row another run numbered.
            var firstWeek = ++run * 17;
            var latencies = new List<double>(count);
            var next = 0;
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
            {
                var clock = new Shifted(TimeSpan.FromDays(-7 * (firstWeek + caller % rows)));
                while (Interlocked.Increment(ref next) <= count)
                {
                    await using var scope = db.Services.CreateAsyncScope();
                    var handler = ActivatorUtilities.CreateInstance<ReceiveDossierHandler>(scope.ServiceProvider, (TimeProvider)clock);
                    var started = Stopwatch.GetTimestamp();
                    var receipt = await handler.HandleAsync(new ReceiveAtCounter("ys.clerk", shop, procedure,
                        new ApplicantData("Nguyễn Thị Ánh Tuyết", "001190012345", "0912345678"), documents));
                    if (!receipt.Succeeded) throw new InvalidOperationException($"{receipt.Error!.Code}: {receipt.Error.MessageEn}");
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (latencies) latencies.Add(ms);
                }
            })));
            wall.Stop();
            latencies.Sort();
            return new Result(latencies.Count / wall.Elapsed.TotalSeconds, At(latencies, .5), At(latencies, .99));
        }

        await RunAsync(4, 4); // warm-up: JIT, prepared statements, caches
        Console.WriteLine($"{count} receptions per run at the sample commune's shop; load average {LoadAverage()} at start");
        Console.WriteLine("| callers | one shop: receptions/s | p50 ms | p99 ms | " + shops + " shops: receptions/s | p50 ms | p99 ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var callers in callerCounts)
        {
            var one = await RunAsync(callers, 1);
            var spread = await RunAsync(callers, shops);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {callers} | {one.PerSecond:N0} | {one.P50:N1} | {one.P99:N1} | {spread.PerSecond:N0} | {spread.P50:N1} | {spread.P99:N1} |"));
        }
        Console.WriteLine($"load average {LoadAverage()} at the end");
    }

    private sealed record Result(double PerSecond, double P50, double P99);

    private static double At(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>The system clock moved by a fixed offset: a caller receiving on a day of its own.</summary>
    private sealed class Shifted(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
