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
            ("fact rows, 2 Jan – 31 Dec (off the boundaries)", () => Query(services, actor, year with { From = new DateOnly(2025, 1, 2) })),
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

    private static async Task<string> Query(IServiceProvider services, Actor actor, GetStatistics request)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StatisticsQuery>().HandleAsync(actor, request);
        var t = result.Value ?? throw new InvalidOperationException(result.Error!.MessageEn);
        return $"carried {t.Total.CarriedOver}, received {t.Total.Received}, finished {t.Total.Finished}, late {t.Total.FinishedLate}, " +
               $"open {t.Total.InProgress}{(t.FromSummaries ? "" : " (facts)")}";
    }
}
