using System.Globalization;
using System.Net;

namespace LoadGenerator;

/// <summary>
/// Command line: <c>--url</c> (loopback only), <c>--dossiers</c> to create first (0 to reuse the ids file), <c>--rate</c>
/// requests per second, <c>--seconds</c> per scenario, <c>--concurrency</c> (cap on requests in flight),
/// <c>--seed-parallel</c>, <c>--seed-minutes</c> (time bound of the seeding), <c>--ids</c> file, <c>--only</c> scenario,
/// <c>--warmup</c> seconds at the full rate before each scenario is measured (0 for none); <c>--soak-minutes</c> runs
/// <see cref="Soak"/> instead of the scenarios, watching the server process <c>--pid</c> and writing <c>--csv</c>;
/// <c>--start-api "command"</c> runs <see cref="FreshStart"/>: starts the server itself and measures it from t=0;
/// <c>--targets url,url,…</c> runs <see cref="MultiProcess"/>: a mixed load spread round robin over several API processes,
/// the dossiers it received and assigned written to <c>--out</c> (a folder); <c>--callers 1,4,16</c> runs each selected
/// scenario closed-loop with that many callers one after the other instead of at a fixed rate.
/// </summary>
public sealed record Options(Uri Url, int Dossiers, int Rate, int Seconds, int Concurrency, int SeedParallel, int SeedMinutes, string IdsFile, string? Only,
    int Warmup, int SoakMinutes = 0, int Pid = 0, string Csv = "soak.csv", string? StartApi = null,
    IReadOnlyList<Uri>? Targets = null, string Out = ".", IReadOnlyList<int>? Callers = null)
{
    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) map[args[i].TrimStart('-')] = args[i + 1];
        string Get(string key, string fallback) => map.GetValueOrDefault(key, fallback);
        int Int(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var targets = map.GetValueOrDefault("targets")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Loopback(new Uri(t))).ToArray();
        var url = Loopback(new Uri(Get("url", targets?.FirstOrDefault()?.ToString() ?? "http://127.0.0.1:5080")));
        var callers = map.GetValueOrDefault("callers")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => Math.Clamp(int.Parse(c, CultureInfo.InvariantCulture), 1, 512)).ToArray();
        return new Options(url, Int("dossiers", 0), Int("rate", 200), Math.Clamp(Int("seconds", 20), 1, 600), Math.Clamp(Int("concurrency", 64), 1, 512),
            Math.Clamp(Int("seed-parallel", 8), 1, 64), Math.Clamp(Int("seed-minutes", 30), 1, 120), Get("ids", "loadgen-dossiers.txt"), map.GetValueOrDefault("only"),
            Math.Clamp(Int("warmup", 15), 0, 300), Math.Clamp(Int("soak-minutes", 0), 0, 24 * 60), Int("pid", 0), Get("csv", "soak.csv"),
            map.GetValueOrDefault("start-api"), targets, Get("out", "."), callers);
    }

    // Traffic of this tool goes to this machine only.
    private static Uri Loopback(Uri url)
    {
        var loopback = url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip);
        return loopback ? url : throw new ArgumentException($"Refusing {url}: the load generator only targets loopback addresses (127.0.0.0/8, ::1, localhost).");
    }
}
