using System.Diagnostics;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Engine;

/// <summary>
/// Where a transition's time goes, engine against the hand-written SQL of <see cref="TransitionBenchmarks"/>: wall time,
/// this process's CPU, PostgreSQL's CPU and bytes allocated per transition, in rounds that take turns so that the
/// machine's load falls on both alike. Run: <c>dotnet run -c Release --project tests/Benchmarks -- transitions [per round] [rounds] [callers]</c>.
/// Environment: <c>PROBE_ALLOCATIONS=1</c> samples the engine's allocations by type, <c>PROBE_STATEMENTS=1</c> lists the
/// server's statements (pg_stat_statements), <c>PROBE_WARMUP=once</c> warms up with one round per path instead of until the JIT
/// settles, <c>PROBE_WAITS=1</c> samples what the server's connections wait on (<see cref="WaitSampler"/>) (each round also counts the process's lock contentions, <see cref="Monitor.LockContentionCount"/>), <c>PROBE_PATH=engine|hand-written</c> runs one path alone (for a profiler), with <c>PROBE_JIT=1</c> listing what the JIT compiled.
/// </summary>
internal static class TransitionProbe
{
    public static async Task RunAsync(int perRound, int rounds, int callers)
    {
        await using var db = await BenchDatabase.StartAsync();
        var scopes = Enumerable.Range(0, callers).Select(_ => db.Services.CreateAsyncScope()).ToArray();
        var engineItems = new Guid[callers];
        var sqlItems = new Guid[callers];
        for (var i = 0; i < callers; i++)
        {
            var runtime = scopes[i].ServiceProvider.GetRequiredService<WorkflowRuntime>();
            (engineItems[i], sqlItems[i]) = (await db.StartLoopAsync(runtime), await db.StartLoopAsync(runtime));
        }
        Task Engine(int caller) => Run(async () =>
        {
            var runtime = scopes[caller].ServiceProvider.GetRequiredService<WorkflowRuntime>();
            engineItems[caller] = (await runtime.CompleteAsync(new CompleteWorkItem(engineItems[caller], "next", "bench"))).Value!.OpenedWorkItems[0].Id;
        });
        Task Sql(int caller) => Run(async () => sqlItems[caller] = await HandWrittenTransition.CompleteAsync(db.DataSource, sqlItems[caller]));
        async Task Run(Func<Task> one) { for (var i = 0; i < perRound / callers; i++) await one(); }

        // PROBE_PATH=engine or hand-written runs that path alone (for a profiler attached to the process); both otherwise.
        var only = Environment.GetEnvironmentVariable("PROBE_PATH");
        if (only is "engine" or "hand-written")
        {
            var alone = only == "engine" ? Engine : (Func<int, Task>)Sql;
            using var jit = Environment.GetEnvironmentVariable("PROBE_JIT") == "1" ? new JitSampler() : null;
            await WarmUpAsync(db, callers, [alone], perRound);
            if (jit is not null) jit.Recording = true;
            for (var round = 0; round < rounds; round++) Console.WriteLine($"  {only}: {await Measure(db, callers, alone, perRound)}");
            jit?.Print(25);
            foreach (var scope in scopes) await scope.DisposeAsync();
            return;
        }
        await WarmUpAsync(db, callers, [Engine, Sql], perRound);
        await ServerStatistics.ResetAsync(db);
        var (engine, sql) = (new List<Cost>(), new List<Cost>());
        await using (var waits = WaitSampler.Enabled ? new WaitSampler(db.DataSource) : null)
        {
            for (var round = 0; round < rounds; round++)
            {
                if (waits is not null) waits.Recording = true;
                engine.Add(await Measure(db, callers, Engine, perRound));
                if (waits is not null) waits.Recording = false;
                sql.Add(await Measure(db, callers, Sql, perRound));
            }
            waits?.Print("engine rounds", 25);
            if (waits is not null)
            {
                waits.Recording = true;
                for (var round = 0; round < rounds; round++) await Measure(db, callers, Sql, perRound);
                waits.Recording = false;
                waits.Print("hand-written rounds, run again", 25);
            }
        }
        await ServerStatistics.PrintAsync(db, rounds * perRound);
        Console.WriteLine($"callers {callers}, {rounds} rounds of {perRound} transitions each, medians per transition:");
        Console.WriteLine($"  hand-written: {Median(sql)}");
        Console.WriteLine($"  engine:       {Median(engine)}");
        Console.WriteLine($"  engine share (hand-written time / engine time): {Median(sql).Wall / Median(engine).Wall:P0}");
        if (Environment.GetEnvironmentVariable("PROBE_ALLOCATIONS") == "1")
        {
            using var sampler = new AllocationSampler { Recording = true };
            await Measure(db, callers, Engine, perRound * 5);
            sampler.Recording = false;
            sampler.Print(40);
        }
        foreach (var scope in scopes) await scope.DisposeAsync();
    }

    /// <summary>
    /// Runs rounds of every path until the JIT has settled: a round pair that compiled fewer than 100 methods (the tiered
    /// compiler recompiles each hot method once or twice in the background; the engine's path, about 1,900 methods, kept it
    /// busy for several seconds of CPU after a single warm-up round, in the measured rounds). At least 2 and at most 20
    /// rounds; <c>PROBE_WARMUP=once</c> runs one round per path, as the probe did before 2026-12-07 evening.
    /// </summary>
    private static async Task WarmUpAsync(BenchDatabase db, int callers, Func<int, Task>[] paths, int perRound)
    {
        var once = Environment.GetEnvironmentVariable("PROBE_WARMUP") == "once";
        var (rounds, jitted, jitMs) = (0, 0L, 0.0);
        for (var settled = false; !settled && rounds < 20; rounds++)
        {
            var compiled = 0L;
            foreach (var path in paths)
            {
                var cost = await Measure(db, callers, path, perRound);
                (compiled, jitted, jitMs) = (compiled + cost.Jitted, jitted + cost.Jitted, jitMs + cost.JitMs);
            }
            settled = once || (rounds >= 1 && compiled < 100);
        }
        Console.WriteLine($"warm-up: {rounds} round(s) per path, the JIT compiled {jitted} methods in {jitMs:N0} ms");
    }

    private sealed record Cost(double Wall, double Client, double Server, double Bytes, long Jitted = 0, double JitMs = 0, long Contended = 0)
    {
        public override string ToString() =>
            $"wall {Wall:N0} µs, client CPU {Client:N0} µs, server CPU {Server:N0} µs, allocated {Bytes / 1024:N1} KB, " +
            $"lock contentions in the round {Contended}" + (Jitted > 0 ? $" (JIT in the round: {Jitted} methods, {JitMs:N0} ms)" : "");
    }

    private static Cost Median(List<Cost> costs)
    {
        double M(Func<Cost, double> f) => costs.Select(f).Order().ElementAt(costs.Count / 2);
        return new Cost(M(c => c.Wall), M(c => c.Client), M(c => c.Server), M(c => c.Bytes), (long)M(c => c.Jitted), M(c => c.JitMs), (long)M(c => c.Contended));
    }

    private static async Task<Cost> Measure(BenchDatabase db, int callers, Func<int, Task> caller, int transitions)
    {
        var meter = CpuMeter.Start(db.DataDirectory);
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var (jitted, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var contended = Monitor.LockContentionCount;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(() => caller(c))));
        var wall = watch.Elapsed.TotalMicroseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        var (client, server) = meter.Seconds();
        return new Cost(wall / transitions, client * 1e6 / transitions, server * 1e6 / transitions, (double)allocated / transitions,
            System.Runtime.JitInfo.GetCompiledMethodCount() - jitted, (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds,
            Monitor.LockContentionCount - contended);
    }
}
