using BenchmarkDotNet.Running;
using Benchmarks.Engine;
using Benchmarks.Notifications;

if (args.Length > 0 && args[0] == "probe")
{
    await EngineProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}
if (args.Length > 0 && args[0] == "transitions")
{
    int Arg(int i, int otherwise) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : otherwise;
    await TransitionProbe.RunAsync(Arg(1, 2000), Arg(2, 5), Arg(3, 1));
    return;
}
if (args.Length > 0 && args[0] == "mainpath")
{
    int Arg(int i, int otherwise) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : otherwise;
    await Benchmarks.Procedures.MainPathProbe.RunAsync(Arg(1, 50), Arg(2, 3));
    return;
}
if (args.Length > 0 && args[0] == "receptions")
{
    int Arg(int i, int otherwise) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : otherwise;
    var callers = args.Length > 2 ? args[2].Split(',').Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToList() : [1, 4, 16];
    await Benchmarks.Procedures.ReceptionProbe.RunAsync(Arg(1, 400), callers, Arg(3, 16));
    return;
}
if (args.Length > 0 && args[0] == "migrate")
{
    await MigrationProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return;
}
if (args.Length > 0 && args[0] == "outbox")
{
    await OutboxProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return;
}
if (args.Length > 0 && args[0] == "notifications")
{
    await NotificationsProbe.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
