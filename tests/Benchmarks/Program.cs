using BenchmarkDotNet.Running;
using Benchmarks.Engine;

if (args.Length > 0 && args[0] == "probe")
{
    await EngineProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
