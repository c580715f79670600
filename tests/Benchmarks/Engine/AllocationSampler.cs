using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Benchmarks.Engine;

/// <summary>
/// Which types a piece of code allocates, from the runtime's allocation ticks (one event about every 100 KB allocated,
/// naming the type that crossed the mark): a sampling profile of allocations without an external tool.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, int> _ticks = new();
    public volatile bool Recording;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Recording || e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.PayloadNames is null) return;
        var at = e.PayloadNames.IndexOf("TypeName");
        if (at >= 0 && e.Payload?[at] is string type) _ticks.AddOrUpdate(type, 1, (_, n) => n + 1);
    }

    public void Print(int top)
    {
        var total = _ticks.Values.Sum();
        Console.WriteLine($"allocation ticks: {total}");
        foreach (var (type, n) in _ticks.OrderByDescending(p => p.Value).Take(top)) Console.WriteLine($"  {n * 100.0 / total,5:N1} %  {type}");
    }
}
