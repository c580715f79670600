using System.Diagnostics;
using Benchmarks.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Procedures;

/// <summary>
/// Where a dossier's cost goes, use case by use case, against the bare engine's transitions of <see cref="MainPathBenchmarks"/>: wall
/// time, this process's CPU and bytes allocated per step (one caller, dossiers one after the other, the two paths taking turns by
/// round), then round trips per step from Npgsql's tracing, and with <c>PROBE_ALLOCATIONS=1</c> the types allocated by the use cases.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- mainpath [dossiers per round] [rounds]</c>.
/// </summary>
internal static class MainPathProbe
{
    public static async Task RunAsync(int perRound, int rounds)
    {
        var bench = new MainPathBenchmarks { Callers = 1 };
        await bench.Setup();
        try
        {
            var engine = new Steps();
            var useCases = new Steps();
            await RoundAsync(bench, bench.EngineDossierAsync, new Steps(), perRound); // warm-up: JIT, prepared statements, caches
            await RoundAsync(bench, bench.UseCaseDossierAsync, new Steps(), perRound);
            for (var round = 0; round < rounds; round++)
            {
                await RoundAsync(bench, bench.EngineDossierAsync, engine, perRound);
                await RoundAsync(bench, bench.UseCaseDossierAsync, useCases, perRound);
            }
            var dossiers = perRound * rounds;
            Console.WriteLine($"{rounds} rounds of {perRound} dossiers, one caller; per dossier and per step (mean):");
            engine.Print("engine", dossiers);
            useCases.Print("use cases", dossiers);
            Console.WriteLine($"  ratio: wall {useCases.Total.Wall / engine.Total.Wall:N2}x, client CPU {useCases.Total.Cpu / engine.Total.Cpu:N2}x, " +
                              $"allocated {useCases.Total.Bytes / engine.Total.Bytes:N2}x");
            await PrintRoundTripsAsync(bench);
            if (Environment.GetEnvironmentVariable("PROBE_ALLOCATIONS") == "1")
            {
                using var sampler = new AllocationSampler { Recording = true };
                await RoundAsync(bench, bench.UseCaseDossierAsync, new Steps(), perRound * 2);
                sampler.Recording = false;
                sampler.Print(50);
            }
        }
        finally
        {
            await bench.Cleanup();
        }
    }

    private static async Task RoundAsync(MainPathBenchmarks bench, Func<IServiceProvider, Action<string>?, Task> dossier, Steps steps, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var mark = Mark.Now();
            await dossier(scope.ServiceProvider, name =>
            {
                var now = Mark.Now();
                steps.Add(name, now - mark);
                mark = Mark.Now();
            });
        }
    }

    private static async Task PrintRoundTripsAsync(MainPathBenchmarks bench)
    {
        foreach (var (name, dossier) in new (string, Func<IServiceProvider, Action<string>?, Task>)[]
                 { ("engine", bench.EngineDossierAsync), ("use cases", bench.UseCaseDossierAsync) })
        {
            var trips = new List<string>();
            var last = 0;
            var total = 0;
            await using var scope = bench.Services.CreateAsyncScope();
            using var listener = NpgsqlActivities(() => Interlocked.Increment(ref total));
            await dossier(scope.ServiceProvider, step =>
            {
                trips.Add($"{step} {total - last}");
                last = total;
            });
            Console.WriteLine($"  round trips ({name}, commits not counted): {string.Join(", ", trips)}; total {total}");
        }
    }

    private static ActivityListener NpgsqlActivities(Action stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = _ => stopped(),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private readonly record struct Mark(double Wall, double Cpu, double Bytes)
    {
        private static readonly Stopwatch Clock = Stopwatch.StartNew();

        public static Mark Now() => new(Clock.Elapsed.TotalMicroseconds, Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds,
            GC.GetTotalAllocatedBytes(precise: true));

        public static Mark operator -(Mark a, Mark b) => new(a.Wall - b.Wall, a.Cpu - b.Cpu, a.Bytes - b.Bytes);
        public static Mark operator +(Mark a, Mark b) => new(a.Wall + b.Wall, a.Cpu + b.Cpu, a.Bytes + b.Bytes);
    }

    private sealed class Steps
    {
        private readonly List<(string Name, Mark Cost)> _steps = [];

        public Mark Total => _steps.Aggregate(default(Mark), (sum, s) => sum + s.Cost);

        public void Add(string name, Mark cost)
        {
            var at = _steps.FindIndex(s => s.Name == name);
            if (at < 0) _steps.Add((name, cost));
            else _steps[at] = (name, _steps[at].Cost + cost);
        }

        public void Print(string what, int dossiers)
        {
            static string Show(Mark m, int n) => $"wall {m.Wall / n / 1000:N2} ms, CPU {m.Cpu / n / 1000:N2} ms, {m.Bytes / n / 1024:N1} KB";
            Console.WriteLine($"  {what}: {Show(Total, dossiers)}");
            foreach (var (name, cost) in _steps) Console.WriteLine($"    {name,-10} {Show(cost, dossiers)}");
        }
    }
}
