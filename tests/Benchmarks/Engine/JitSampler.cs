using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Benchmarks.Engine;

/// <summary>
/// Which methods the JIT compiles while recording (the runtime's method-load events), grouped by the namespace of their
/// type: shows what is still being compiled, or compiled again at a higher tier, after the warm-up.
/// </summary>
internal sealed class JitSampler : EventListener
{
    private readonly ConcurrentDictionary<string, int> _byNamespace = new();
    private readonly ConcurrentDictionary<string, int> _byMethod = new();
    public volatile bool Recording;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x10);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Recording || e.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) != true || e.PayloadNames is null) return;
        var type = e.Payload?[e.PayloadNames.IndexOf("MethodNamespace")] as string ?? "?";
        var name = e.Payload?[e.PayloadNames.IndexOf("MethodName")] as string ?? "?";
        var cut = type.IndexOf('`') is var tick and > 0 ? type[..tick] : type;
        var parts = cut.Split('.');
        _byNamespace.AddOrUpdate(string.Join('.', parts.Take(Math.Min(3, parts.Length - 1))), 1, (_, n) => n + 1);
        _byMethod.AddOrUpdate(type + "::" + name, 1, (_, n) => n + 1);
    }

    public void Print(int top)
    {
        Console.WriteLine($"methods compiled: {_byMethod.Values.Sum()} ({_byMethod.Count} distinct)");
        foreach (var (ns, n) in _byNamespace.OrderByDescending(p => p.Value).Take(top)) Console.WriteLine($"  {n,6}  {ns}");
        Console.WriteLine("compiled most often:");
        foreach (var (m, n) in _byMethod.OrderByDescending(p => p.Value).Take(15)) Console.WriteLine($"  {n,6}  {m[..Math.Min(m.Length, 150)]}");
    }
}
