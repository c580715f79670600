using System.Diagnostics;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Engine;

/// <summary>
/// Where a transition's time goes, engine against the hand-written SQL of <see cref="TransitionBenchmarks"/>: wall time,
/// this process's CPU, PostgreSQL's CPU and bytes allocated per transition, in rounds that take turns so that the
/// machine's load falls on both alike. Run: <c>dotnet run -c Release --project tests/Benchmarks -- transitions [per round] [rounds] [callers]</c>.
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

        await Measure(db, callers, Engine, perRound); // warm-up: JIT, prepared statements
        await Measure(db, callers, Sql, perRound);
        var (engine, sql) = (new List<Cost>(), new List<Cost>());
        for (var round = 0; round < rounds; round++)
        {
            engine.Add(await Measure(db, callers, Engine, perRound));
            sql.Add(await Measure(db, callers, Sql, perRound));
        }
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

    private sealed record Cost(double Wall, double Client, double Server, double Bytes)
    {
        public override string ToString() =>
            $"wall {Wall:N0} µs, client CPU {Client:N0} µs, server CPU {Server:N0} µs, allocated {Bytes / 1024:N1} KB";
    }

    private static Cost Median(List<Cost> costs)
    {
        double M(Func<Cost, double> f) => costs.Select(f).Order().ElementAt(costs.Count / 2);
        return new Cost(M(c => c.Wall), M(c => c.Client), M(c => c.Server), M(c => c.Bytes));
    }

    private static async Task<Cost> Measure(BenchDatabase db, int callers, Func<int, Task> caller, int transitions)
    {
        var meter = CpuMeter.Start(db.DataDirectory);
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(() => caller(c))));
        var wall = watch.Elapsed.TotalMicroseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        var (client, server) = meter.Seconds();
        return new Cost(wall / transitions, client * 1e6 / transitions, server * 1e6 / transitions, (double)allocated / transitions);
    }
}
