using System.Globalization;

namespace Reliability.Tests;

/// <summary>
/// The size of the fault run, from environment variables so CI runs a small load and a person a large one:
/// <c>ISO_FAULT_DOSSIERS</c> (500), <c>ISO_FAULT_PARALLEL</c> (dossiers driven at once, 6),
/// <c>ISO_FAULT_KILL_EVERY</c> (seconds between two kills of one API and one Worker, 30),
/// <c>ISO_FAULT_DRAIN</c> (longest wait for the system to settle after the load while work is still in flight, 600; the
/// drain ends sooner when the run is settled, or when nothing has been in flight for a while, see <see cref="Drain"/>).
/// </summary>
public sealed record FaultRunSettings(int Dossiers, int Parallel, TimeSpan KillEvery, TimeSpan Drain)
{
    public static FaultRunSettings FromEnvironment() => new(
        Int("ISO_FAULT_DOSSIERS", 500), Int("ISO_FAULT_PARALLEL", 6),
        TimeSpan.FromSeconds(Int("ISO_FAULT_KILL_EVERY", 30)), TimeSpan.FromSeconds(Int("ISO_FAULT_DRAIN", 600)));

    private static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
}
