using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoadGenerator;

/// <summary>
/// A mixed load spread round robin over several API processes (<c>--targets</c>), at a fixed rate: dossier reads, inbox
/// pages, searches by code, receptions and steps (assignments) in the proportions 3:2:1:1:1, each operation sent to every
/// process in turn. Each process gets its own signed-in clients. After <c>--warmup</c> seconds not measured it measures
/// <c>--seconds</c> and prints throughput, p50/p99 and failures per operation and requests per process. Every dossier it
/// received and every dossier it assigned (warm-up included) is written to <c>received.txt</c> and <c>assigned.txt</c> in
/// <c>--out</c>, so the caller can check that each was received and assigned exactly once and every message delivered.
/// </summary>
public static class MultiProcess
{
    private sealed record Target(Uri Url, HttpClient Leader, HttpClient Head, HttpClient Clerk);
    private sealed record Sample(string Operation, int Target, double Ms, bool Ok);

    public static async Task<int> RunAsync(Options options, IReadOnlyList<SeededDossier> dossiers)
    {
        var targets = new List<Target>();
        foreach (var url in options.Targets!)
        {
            var api = new Api(url, options.Concurrency);
            targets.Add(new Target(url, await api.SignInAsync("ys.leader"), await api.SignInAsync("ys.economy.section-head"), await api.SignInAsync("ys.clerk")));
        }
        var first = targets[0];
        var (procedure, documents) = await Seeder.ProcedureAsync(first.Clerk);
        var shop = await Seeder.MyUnitAsync(first.Clerk);
        var yenSon = dossiers.Where(d => d.Shop == "ys").ToArray();
        var toAssign = new Queue<Guid>();
        for (var page = 1; toAssign.Count < options.Rate * (options.Seconds + options.Warmup) / 8 + 50; page++)
        {
            var items = (await first.Head.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/mine?page={page}&pageSize=200")).GetProperty("items");
            if (items.GetArrayLength() == 0) break;
            foreach (var item in items.EnumerateArray().Where(i => i.GetProperty("stepId").GetString() == "assign"))
                toAssign.Enqueue(item.GetProperty("dossierId").GetGuid());
        }
        Console.WriteLine($"{targets.Count} API process(es): {string.Join(", ", targets.Select(t => t.Url))}; {toAssign.Count} dossiers waiting at 'assign'");

        Directory.CreateDirectory(options.Out);
        await using var received = new StreamWriter(Path.Combine(options.Out, "received.txt"), append: true) { AutoFlush = true };
        await using var assigned = new StreamWriter(Path.Combine(options.Out, "assigned.txt"), append: true) { AutoFlush = true };
        var random = new Random(11);
        var serial = Random.Shared.Next(1_000_000);
        SeededDossier Any() { lock (random) return yenSon[random.Next(yenSon.Length)]; }

        var operations = new (string Name, int Weight, Func<Target, Task<bool>> Call)[]
        {
            ("dossier by id", 3, async t => Api.Succeeded(await t.Leader.GetAsync($"/api/v1/dossiers/{Any().Id}"))),
            ("inbox page", 2, async t => Api.Succeeded(await t.Head.GetAsync("/api/v1/inbox/mine?page=1&pageSize=20"))),
            ("search by code", 1, async t => Api.Succeeded(await t.Clerk.PostAsJsonAsync("/api/v1/dossiers/search", new { code = Any().Code }))),
            ("receive a dossier", 1, async t =>
            {
                var n = Interlocked.Increment(ref serial);
                var body = new
                {
                    receivingUnitId = shop, procedureId = procedure, documents,
                    applicant = new { fullName = $"Người nộp {n}", idNumber = $"0020{n:00000000}", phone = $"08{n:00000000}" },
                };
                var response = await t.Clerk.PostAsJsonAsync("/api/v1/dossiers", body);
                if (!Api.Succeeded(response)) return false;
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dossierId").GetGuid();
                lock (received) received.WriteLine(id);
                return true;
            }),
            ("complete a step", 1, async t =>
            {
                Guid id;
                lock (toAssign) if (!toAssign.TryDequeue(out id)) return false;
                var ok = Api.Succeeded(await t.Head.PostAsJsonAsync($"/api/v1/dossiers/{id}/assignment",
                    new { specialist = "ys.economy.specialist", instructions = "Xử lý" }));
                lock (assigned) assigned.WriteLine($"{id};{(ok ? "ok" : "failed")}");
                return ok;
            }),
        };
        var wheel = operations.SelectMany(o => Enumerable.Repeat(o, o.Weight)).ToArray();

        if (options.Warmup > 0) await RunAsync(options.Rate, options.Warmup, options.Concurrency, targets, wheel);
        var (samples, dropped, seconds) = await RunAsync(options.Rate, options.Seconds, options.Concurrency, targets, wheel);

        Console.WriteLine();
        Console.WriteLine($"| operation ({options.Rate} req/s offered, {targets.Count} API) | requests | throughput | p50 ms | p99 ms | failed |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var order = operations.Select(o => o.Name).ToList();
        foreach (var group in samples.GroupBy(s => s.Operation).OrderBy(g => order.IndexOf(g.Key)).Append(samples.GroupBy(_ => "all").Single()))
        {
            var ms = group.Where(s => s.Ok).Select(s => s.Ms).Order().ToList();
            Console.WriteLine($"| {group.Key} | {group.Count()} | {ms.Count / seconds:F0}/s | {Percentile(ms, 0.50):F1} | {Percentile(ms, 0.99):F1} | {group.Count(s => !s.Ok)} |");
        }
        Console.WriteLine($"requests per API process: {string.Join(", ", samples.GroupBy(s => s.Target).OrderBy(g => g.Key).Select(g => $"{targets[g.Key].Url.Port}: {g.Count()}"))}; " +
            $"dropped (more than {options.Concurrency} in flight): {dropped}");
        return samples.Any(s => !s.Ok) ? 1 : 0;
    }

    private static async Task<(List<Sample> Samples, int Dropped, double Seconds)> RunAsync(int rate, int seconds, int concurrency, List<Target> targets,
        (string Name, int Weight, Func<Target, Task<bool>> Call)[] wheel)
    {
        var samples = new List<Sample>();
        var tasks = new List<Task>();
        var (inFlight, dropped) = (0, 0);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rate * seconds; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            if (Volatile.Read(ref inFlight) >= concurrency) { dropped++; continue; }
            var (name, _, call) = wheel[i % wheel.Length];
            // Every operation goes to each process in turn: the target moves on by one per request and per turn of the wheel.
            var target = (i + i / wheel.Length) % targets.Count;
            Interlocked.Increment(ref inFlight);
            tasks.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await call(targets[target]); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { ok = false; }
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Decrement(ref inFlight);
                lock (samples) samples.Add(new Sample(name, target, ms, ok));
            }));
        }
        await Task.WhenAll(tasks);
        return (samples, dropped, clock.Elapsed.TotalSeconds);
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
