using BenchmarkDotNet.Attributes;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Engine;

/// <summary>
/// Engine transitions per second (complete a work item → next work item opened, history and outbox
/// written) against the hand-written SQL ceiling, with 1, 4 and 16 concurrent callers, each on its own instance.
/// </summary>
[MemoryDiagnoser]
public class TransitionBenchmarks
{
    private const int TransitionsPerInvoke = 256;
    private BenchDatabase _db = null!;
    private Guid[] _engineItems = [];
    private Guid[] _sqlItems = [];
    private AsyncServiceScope[] _scopes = [];

    [Params(1, 4, 16)]
    public int Callers { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _db = await BenchDatabase.StartAsync();
        _scopes = Enumerable.Range(0, Callers).Select(_ => _db.Services.CreateAsyncScope()).ToArray();
        _engineItems = new Guid[Callers];
        _sqlItems = new Guid[Callers];
        for (var i = 0; i < Callers; i++)
        {
            var runtime = _scopes[i].ServiceProvider.GetRequiredService<WorkflowRuntime>();
            _engineItems[i] = await _db.StartLoopAsync(runtime);
            _sqlItems[i] = await _db.StartLoopAsync(runtime);
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var scope in _scopes) await scope.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TransitionsPerInvoke)]
    public Task HandWrittenSql() => RunAsync(async caller =>
        _sqlItems[caller] = await HandWrittenTransition.CompleteAsync(_db.DataSource, _sqlItems[caller]));

    [Benchmark(OperationsPerInvoke = TransitionsPerInvoke)]
    public Task Engine() => RunAsync(async caller =>
    {
        var runtime = _scopes[caller].ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var result = await runtime.CompleteAsync(new CompleteWorkItem(_engineItems[caller], "next", "bench"));
        _engineItems[caller] = result.Value!.OpenedWorkItems[0].Id;
    });

    private Task RunAsync(Func<int, Task> transition) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; i < TransitionsPerInvoke / Callers; i++) await transition(caller);
        })));
}
