using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Calendar;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.Statistics;

namespace Generator;

/// <summary>
/// Times the dashboard of one province for one year: from the summaries (what the API serves), from the fact rows
/// (a period off the half-month boundaries) and the naive baseline on the dossiers, each run several times in the
/// same process on the same data, the cases taking turns run by run so that a shared machine's load falls on all of
/// them alike. Prints a Markdown table for docs/benchmarks.md.
/// </summary>
internal static class DashboardBench
{
    public static async Task RunAsync(IServiceProvider services, GeneratorOptions options)
    {
        var db = services.CreateAsyncScope().ServiceProvider.GetRequiredService<ProceduresDb>();
        var root = db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Code).First();
        var actor = new Actor(Guid.Empty, "bench", "Benchmark", null, [new ActorMembership(root.Id, root.Code, root.Path, [Role.SystemAdmin])]);
        var dossiers = db.Dossiers.LongCount();
        var year = new GetStatistics(root.Id, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var backfill = Stopwatch.StartNew();
        StatisticsRefreshed refreshed;
        await using (var refreshScope = services.CreateAsyncScope())
            refreshed = await refreshScope.ServiceProvider.GetRequiredService<StatisticsRefresher>().RefreshStatisticsAsync();
        Console.WriteLine($"bench: refresh before the runs (fills the per-day rows once after their migration): {backfill.Elapsed.TotalSeconds:F1} s, {refreshed.DossiersRead:N0} dossiers read again");
        var march = new GetStatistics(root.Id, new DateOnly(2025, 3, 10), new DateOnly(2025, 9, 20));
        var cases = new (string Name, Func<Task<string>> Run)[]
        {
            ("summaries, by child unit (dashboard)", () => Query(services, actor, year)),
            ("summaries, by procedure", () => Query(services, actor, year with { GroupBy = StatisticsGrouping.Procedure })),
            ("summaries, by month (12 periods)", () => Query(services, actor, year with { GroupBy = StatisticsGrouping.Month })),
            ("summaries, year to date (open dossiers live)", () => Query(services, actor, new GetStatistics(root.Id, new DateOnly(2026, 1, 1), Slices.LocalDate(DateTimeOffset.UtcNow)))),
            ("by month, old shape: 13 separate reads", () => MonthsOneByOne(services, actor, year)),
            ("odd period 2 Jan – 31 Dec: summaries + day rows (new)", () => Query(services, actor, year with { From = new DateOnly(2025, 1, 2) })),
            ("odd period 2 Jan – 31 Dec: summaries + fact-row edges (before)", () => Facts(services, actor, year with { From = new DateOnly(2025, 1, 2) }, edgesOnly: true)),
            ("odd period 2 Jan – 31 Dec: fact rows only", () => Facts(services, actor, year with { From = new DateOnly(2025, 1, 2) })),
            ("odd period 10 Mar – 20 Sep: summaries + day rows (new)", () => Query(services, actor, march)),
            ("odd period 10 Mar – 20 Sep: summaries + fact-row edges (before)", () => Facts(services, actor, march, edgesOnly: true)),
            ("odd period 10 Mar – 20 Sep: fact rows only", () => Facts(services, actor, march)),
            ("odd period 10 Mar – 20 Sep by month: day rows (new)", () => Query(services, actor, march with { GroupBy = StatisticsGrouping.Month })),
            ("odd period 10 Mar – 20 Sep by month: fact-row edges (before)", () => Facts(services, actor, march with { GroupBy = StatisticsGrouping.Month }, edgesOnly: true)),
            ("odd period 10 Mar – 20 Sep by procedure (fact-row edges)", () => Query(services, actor, march with { GroupBy = StatisticsGrouping.Procedure })),
            ("odd period 10 Mar – 20 Sep by official (fact-row edges)", () => Query(services, actor, march with { GroupBy = StatisticsGrouping.Official })),
            ("naive full scan of dossiers + calendar in memory", async () =>
            {
                var totals = await NaiveDashboard.RunAsync(services.GetRequiredService<NpgsqlDataSource>(),
                    services.GetRequiredService<CalendarProvider>().Current, root.Path, year.From, year.To);
                return $"carried {totals.CarriedOver}, received {totals.Received}, finished {totals.Finished}, late {totals.Late}, open {totals.Open}";
            }),
        };
        Console.WriteLine($"bench: {dossiers:N0} dossiers; province {root.Code}; year 2025; {options.Runs} timed runs after one warm-up; {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine("| query | median ms | min ms | max ms | check |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        var medians = new Dictionary<string, double>();
        var checks = new Dictionary<string, string>();
        var timings = cases.ToDictionary(c => c.Name, _ => new List<double>());
        foreach (var (name, run) in cases) checks[name] = await run();
        for (var i = 0; i < options.Runs; i++)
            foreach (var (name, run) in cases)
            {
                if (name.StartsWith("naive", StringComparison.Ordinal) && i >= 3) continue;
                var watch = Stopwatch.StartNew();
                await run();
                timings[name].Add(watch.Elapsed.TotalMilliseconds);
            }
        foreach (var (name, _) in cases)
        {
            var times = timings[name];
            times.Sort();
            medians[name] = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[times.Count / 2]:F0} | {times[0]:F0} | {times[^1]:F0} | {checks[name]} |"));
        }
        var ratio = medians.Values.Last() / medians.Values.First();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: naive / dashboard = {ratio:F0}×"));
    }

    /// <summary>
    /// The baselines of the odd periods: every figure from the fact rows, as before the summaries served them, or
    /// (<paramref name="edgesOnly"/>) the summaries with the edges from the fact rows, as before the per-day rows.
    /// </summary>
    private static async Task<string> Facts(IServiceProvider services, Actor actor, GetStatistics request, bool edgesOnly = false)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        var resolved = (await StatisticsScope.ResolveAsync(db, actor, request.UnitId, null, null, null, default)).Value!;
        var report = await scope.ServiceProvider.GetRequiredService<StatisticsQuery>().ComputeAsync(resolved, request.From, request.To, request.GroupBy, default,
            forceFacts: !edgesOnly, factEdges: edgesOnly);
        return Check(report);
    }

    /// <summary>The baseline of the month view: each month and the whole period read on their own, as the month view did before.</summary>
    private static async Task<string> MonthsOneByOne(IServiceProvider services, Actor actor, GetStatistics year)
    {
        for (var month = year.From; month <= year.To; month = month.AddMonths(1))
            await Query(services, actor, year with { From = month, To = month.AddMonths(1).AddDays(-1) });
        return await Query(services, actor, year);
    }

    private static async Task<string> Query(IServiceProvider services, Actor actor, GetStatistics request)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StatisticsQuery>().HandleAsync(actor, request);
        return Check(result.Value ?? throw new InvalidOperationException(result.Error!.MessageEn));
    }

    private static string Check(StatisticsReport t)
    {
        return $"carried {t.Total.CarriedOver}, received {t.Total.Received}, finished {t.Total.Finished}, late {t.Total.FinishedLate}, " +
               $"open {t.Total.InProgress}{(t.FromSummaries ? "" : " (facts)")}";
    }
}
