using System.Net.Http.Json;
using System.Text.Json;
using LoadGenerator;

// Load generator for ISO điện tử: bulk-creates dossiers through the API, then measures p50/p95/p99 and throughput of
// dossier by id, inbox page, search, public tracking and completing a step, at a fixed request rate. Loopback only.
var options = Options.Parse(args);
var api = new Api(options.Url, options.Concurrency + options.SeedParallel);
Console.WriteLine($"ISO điện tử load generator → {options.Url} ({options.Rate} req/s for {options.Seconds} s per scenario, ≤{options.Concurrency} in flight)");

var dossiers = Seeder.Load(options.IdsFile);
if (options.Dossiers > 0)
{
    Console.WriteLine($"Creating {options.Dossiers} dossiers through POST /api/v1/dossiers ({options.SeedParallel} in parallel, at most {options.SeedMinutes} min)...");
    dossiers.AddRange(await Seeder.RunAsync(api, options));
}
if (dossiers.Count == 0) throw new InvalidOperationException($"No dossiers: run with --dossiers N first (ids go to {options.IdsFile}).");
Console.WriteLine($"{dossiers.Count} dossiers known from {options.IdsFile}");

if (options.StartApi is not null) return await FreshStart.RunAsync(api, options, dossiers);
if (options.Targets is not null) return await MultiProcess.RunAsync(options, dossiers);
if (options.SoakMinutes > 0) return await Soak.RunAsync(api, options, dossiers, options.SoakMinutes, options.Pid, options.Csv);

var leader = await api.SignInAsync("ys.leader");
var head = await api.SignInAsync("ys.economy.section-head");
var clerk = await api.SignInAsync("ys.clerk");
var anonymous = api.Anonymous();
var yenSon = dossiers.Where(d => d.Shop == "ys").ToArray();
var random = new Random(42);
// Random is not thread-safe and the scenarios call it from many requests at once.
SeededDossier Any() { lock (random) return yenSon[random.Next(yenSon.Length)]; }

// Dossiers still waiting at 'assign' are consumed by the step scenario, one per request. They are read from the section
// head's inbox, so a rerun never picks a dossier an earlier run has already assigned.
var toAssign = new Queue<Guid>();
if (options.Only is null || "complete a step".Contains(options.Only, StringComparison.OrdinalIgnoreCase))
{
    // Closed-loop callers take as many as they can complete: every dossier waiting.
    var wanted = options.Callers is null ? options.Rate * (options.Seconds + options.Warmup) + 100 : int.MaxValue;
    for (var page = 1; toAssign.Count < wanted; page++)
    {
        var items = (await head.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/mine?page={page}&pageSize=200")).GetProperty("items");
        if (items.GetArrayLength() == 0) break;
        foreach (var item in items.EnumerateArray().Where(i => i.GetProperty("stepId").GetString() == "assign"))
            toAssign.Enqueue(item.GetProperty("dossierId").GetGuid());
    }
    Console.WriteLine($"{toAssign.Count} dossiers waiting at 'assign' in the section head's inbox");
}

var scenarios = new (string Name, Func<int, Task<bool>> Call)[]
{
    // Baselines: the pipeline with no database (liveness), and an authenticated read of one small row set.
    ("baseline: liveness (GET /health)", async _ => Api.Succeeded(await anonymous.GetAsync("/health"))),
    ("baseline: signed-in account (GET /me)", async _ => Api.Succeeded(await leader.GetAsync("/api/v1/me"))),
    ("dossier by id (GET /dossiers/{id})", async _ => Api.Succeeded(await leader.GetAsync($"/api/v1/dossiers/{Any().Id}"))),
    ("inbox page (GET /inbox/mine, section head, 20 of ~50,000)", async _ => Api.Succeeded(await head.GetAsync("/api/v1/inbox/mine?page=1&pageSize=20"))),
    ("search by code (POST /dossiers/search)", async _ => Api.Succeeded(await clerk.PostAsJsonAsync("/api/v1/dossiers/search", new { code = Any().Code }))),
    ("search by phone, newest first (POST /dossiers/search)", async _ => Api.Succeeded(await clerk.PostAsJsonAsync("/api/v1/dossiers/search", new { phone = Any().Phone }))),
    ("public tracking (POST /public/tracking)", async _ =>
    {
        var d = Any();
        return Api.Succeeded(await anonymous.PostAsJsonAsync("/api/v1/public/tracking", new { code = d.Code, secondFactor = d.Phone[^4..] }));
    }),
    ("complete a step (POST /dossiers/{id}/assignment)", async _ =>
    {
        Guid id;
        // At a fixed rate an empty queue is a failed request; closed-loop callers stop instead of spinning.
        lock (toAssign) if (!toAssign.TryDequeue(out id)) return options.Callers is null ? false : throw new NothingLeftException();
        return Api.Succeeded(await head.PostAsJsonAsync($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist", instructions = "Xử lý" }));
    }),
};

if (options.Callers is not null)
{
    Console.WriteLine("| scenario | callers | requests | throughput | p50 ms | p95 ms | p99 ms | max ms | failed |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    var failed = 0;
    foreach (var (name, call) in scenarios.Where(s => options.Only is null || s.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)))
    {
        if (options.Warmup > 0) await Scenario.ClosedLoopAsync(name, options.Callers.Max(), options.Warmup, call);
        foreach (var callers in options.Callers)
        {
            var r = await Scenario.ClosedLoopAsync(name, callers, options.Seconds, call);
            failed += r.Failed;
            Console.WriteLine($"| {r.Name} | {callers} | {r.Sent} | {r.Throughput:F0}/s | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Max:F1} | {r.Failed} |" +
                (r.Dropped > 0 ? $" (no dossier left at 'assign' after {r.Seconds:F1} s)" : ""));
        }
    }
    return failed > 0 ? 1 : 0;
}

var results = new List<ScenarioResult>();
foreach (var (name, call) in scenarios.Where(s => options.Only is null || s.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)))
{
    // Warm-up at the full rate, not measured: the server's code paths reach their optimised (tier-1) code and the
    // connection pools fill. Measured without it, the first seconds after a start are mostly the JIT at work.
    if (options.Warmup > 0) await Scenario.RunAsync(name, options.Rate, options.Warmup, options.Concurrency, call);
    var result = await Scenario.RunAsync(name, options.Rate, options.Seconds, options.Concurrency, call);
    Console.WriteLine(result);
    results.Add(result);
}

Console.WriteLine();
Console.WriteLine("| scenario | requests | throughput | p50 ms | p95 ms | p99 ms | max ms | failed | dropped |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var r in results) Console.WriteLine(r);
return results.Any(r => r.Failed > 0) ? 1 : 0;
