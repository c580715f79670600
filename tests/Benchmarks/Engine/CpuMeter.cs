using System.Diagnostics;
using System.Globalization;

namespace Benchmarks.Engine;

/// <summary>
/// CPU time spent by this process and by the embedded PostgreSQL (postmaster and its backends) since it started: on a
/// machine shared with other work, wall time says how busy the machine was, CPU time what the work itself cost.
/// </summary>
internal sealed class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly string _dataDirectory;
    private readonly TimeSpan _client;
    private readonly Dictionary<int, long> _server;

    private CpuMeter(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        _client = Process.GetCurrentProcess().TotalProcessorTime;
        _server = ServerTicks(dataDirectory);
    }

    public static CpuMeter Start(string dataDirectory) => new(dataDirectory);

    /// <summary>CPU seconds since the start, client and server; backends started meanwhile count from zero.</summary>
    public string Read()
    {
        var (client, server) = Seconds();
        return $"CPU: client {client:N1} s, server {server:N1} s";
    }

    /// <summary>CPU seconds since the start: this process, and the PostgreSQL processes.</summary>
    public (double Client, double Server) Seconds() =>
        ((Process.GetCurrentProcess().TotalProcessorTime - _client).TotalSeconds,
            ServerTicks(_dataDirectory).Sum(p => p.Value - _server.GetValueOrDefault(p.Key)) / TicksPerSecond);

    private static Dictionary<int, long> ServerTicks(string dataDirectory)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); } catch (IOException) { continue; }
            // Fields after the command (which is in parentheses and may hold spaces): state ppid ... utime(14) stime(15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (pid != postmaster && int.Parse(fields[1], CultureInfo.InvariantCulture) != postmaster) continue;
            ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        return ticks;
    }
}
