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
/// same process on the same data. Prints a Markdown table for docs/benchmarks.md.
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
        var cases = new (string Name, Func<Task<string>> Run)[]
        {
            ("summaries, by child unit (dashboard)", () => Query(services, actor, year)),
            ("summaries, by procedure", () => Query(services, actor, year with { GroupBy = StatisticsGrouping.Procedure })),
            ("summaries, by month (12 periods)", () => Query(services, actor, year with { GroupBy = StatisticsGrouping.Month })),
            ("summaries, year to date (open dossiers live)", () => Query(services, actor, new GetStatistics(root.Id, new DateOnly(2026, 1, 1), Slices.LocalDate(DateTimeOffset.UtcNow)))),
            ("by month, old shape: 13 separate reads", () => MonthsOneByOne(services, actor, year)),
            ("odd period 2 Jan – 31 Dec: summaries + edges", () => Query(services, actor, year with { From = new DateOnly(2025, 1, 2) })),
            ("odd period 2 Jan – 31 Dec: fact rows only (old path)", () => Facts(services, actor, year with { From = new DateOnly(2025, 1, 2) })),
            ("odd period 10 Mar – 20 Sep: summaries + edges", () => Query(services, actor, new GetStatistics(root.Id, new DateOnly(2025, 3, 10), new DateOnly(2025, 9, 20)))),
            ("odd period 10 Mar – 20 Sep: fact rows only (old path)", () => Facts(services, actor, new GetStatistics(root.Id, new DateOnly(2025, 3, 10), new DateOnly(2025, 9, 20)))),
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
        foreach (var (name, run) in cases)
        {
            var check = await run();
            var times = new List<double>();
            var runs = name.StartsWith("naive", StringComparison.Ordinal) ? Math.Min(options.Runs, 3) : options.Runs;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await run();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            medians[name] = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[times.Count / 2]:F0} | {times[0]:F0} | {times[^1]:F0} | {check} |"));
        }
        var ratio = medians.Values.Last() / medians.Values.First();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: naive / dashboard = {ratio:F0}×"));
    }

    /// <summary>The baseline of the odd periods: every figure from the fact rows, as before the summaries served them.</summary>
    private static async Task<string> Facts(IServiceProvider services, Actor actor, GetStatistics request)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        var resolved = (await StatisticsScope.ResolveAsync(db, actor, request.UnitId, null, null, null, default)).Value!;
        var report = await scope.ServiceProvider.GetRequiredService<StatisticsQuery>().ComputeAsync(resolved, request.From, request.To, request.GroupBy, default, forceFacts: true);
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
