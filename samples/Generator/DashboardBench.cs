using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.Statistics;

namespace Generator;

/// <summary>
/// Times the statistics of one province: the year 2025, the odd year 2 Jan – 31 Dec 2025 and the odd period
/// 10 Mar – 20 Sep 2025 by every grouping, and the odd period with a procedure or official filter, each as served now
/// ("new": whole years and months from the month and year rows) and as before ("before": the half-month rows only),
/// with the EXPLAIN of the year by procedure from the half-month, month and year rows. Every case runs several times in the same process on the same
/// data, the cases taking turns run by run so that a shared machine's load falls on all of them alike. Prints a
/// Markdown table for docs/benchmarks.md.
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
        var (procedure, official) = await BusiestAsync(services.GetRequiredService<NpgsqlDataSource>());
        Console.WriteLine($"bench: filters: procedure {procedure}, official {official}");
        await ExplainYearByProcedureAsync(services.GetRequiredService<NpgsqlDataSource>(), root.Id);
        var odd = year with { From = new DateOnly(2025, 1, 2) };
        var cases = new List<(string Name, Func<Task<string>> Run)>
        {
            ("year to date", () => Query(services, actor, new GetStatistics(root.Id, new DateOnly(2026, 1, 1), Slices.LocalDate(DateTimeOffset.UtcNow)))),
            ("odd 10 Mar – 20 Sep: fact rows only", () => Facts(services, actor, march, Path.Facts)),
        };
        // Each grouping of the year 2025, of the odd year 2 Jan – 31 Dec and of the odd period 10 Mar – 20 Sep, then the filters:
        // as served now (month and year rows) and as before (half-month rows only), taking turns.
        foreach (var (label, period) in new[] { ("2025", year), ("2 Jan – 31 Dec", odd), ("10 Mar – 20 Sep", march) })
            foreach (var grouping in Enum.GetValues<StatisticsGrouping>())
                AddPair(cases, services, actor, $"{label} by {grouping}", period with { GroupBy = grouping });
        foreach (var (filter, request) in new[] { ("procedure", march with { ProcedureId = procedure }), ("official", march with { Official = official }) })
        {
            AddPair(cases, services, actor, $"10 Mar – 20 Sep by ChildUnit, one {filter}", request);
            AddPair(cases, services, actor, $"10 Mar – 20 Sep by Month, one {filter}", request with { GroupBy = StatisticsGrouping.Month });
        }
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
        foreach (var (name, _) in cases.Where(c => c.Name.EndsWith("(new)", StringComparison.Ordinal)))
        {
            var before = cases.Select(c => c.Name).FirstOrDefault(n => n.EndsWith("(before)", StringComparison.Ordinal) && n[..n.LastIndexOf(':')] == name[..name.LastIndexOf(':')]);
            if (before is not null)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {name[..name.LastIndexOf(':')]}: {medians[before] / medians[name]:F1}× faster"));
        }
    }

    private enum Path { Facts, FactEdges, MonthByMonth, HalfMonths }

    private static void AddPair(List<(string Name, Func<Task<string>> Run)> cases, IServiceProvider services, Actor actor, string name, GetStatistics request)
    {
        cases.Add(($"{name}: month and year rows (new)", () => Query(services, actor, request)));
        cases.Add(($"{name}: half-month rows (before)", () => Facts(services, actor, request, Path.HalfMonths)));
    }

    /// <summary>
    /// The baselines: every figure from the fact rows; the summaries with the edges from the fact rows (before the day rows
    /// had the procedure and official levels); or the month view read month by month (before it was read in one pass).
    /// </summary>
    private static async Task<string> Facts(IServiceProvider services, Actor actor, GetStatistics request, Path path)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        var resolved = (await StatisticsScope.ResolveAsync(db, actor, request.UnitId, request.ProcedureId, request.SectorId, request.Official, default)).Value!;
        var report = await scope.ServiceProvider.GetRequiredService<StatisticsQuery>().ComputeAsync(resolved, request.From, request.To, request.GroupBy, default,
            forceFacts: path == Path.Facts, factEdges: path == Path.FactEdges, monthByMonth: path is Path.FactEdges or Path.MonthByMonth,
            halfMonths: path == Path.HalfMonths);
        return Check(report);
    }

    /// <summary>The procedure and the official with the most dossiers, for the filtered cases.</summary>
    private static async Task<(Guid Procedure, string Official)> BusiestAsync(NpgsqlDataSource dataSource)
    {
        await using var procedures = dataSource.CreateCommand(
            "SELECT procedure_id FROM procedures.stat_dossier_facts GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
        await using var officials = dataSource.CreateCommand(
            "SELECT official FROM procedures.stat_dossier_facts WHERE official <> '' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
        return ((Guid)(await procedures.ExecuteScalarAsync())!, (string)(await officials.ExecuteScalarAsync())!);
    }

    /// <summary>Where the time of a year by procedure goes: the procedure level of 2025 from the half-month rows and from the year rows.</summary>
    private static async Task ExplainYearByProcedureAsync(NpgsqlDataSource dataSource, Guid root)
    {
        const string units = "ARRAY(SELECT id FROM procedures.units WHERE path LIKE (SELECT path FROM procedures.units WHERE id = $1) || '%')";
        var sums = "sum(received_counter), sum(finished_on_time), sum(processing_days_sum), " +
                   string.Join(", ", Enumerable.Range(1, DurationBuckets.Count).Select(i => $"coalesce(sum(durations[{i}]), 0)"));
        var statements = new (string Name, string Table, string Column)[]
        {
            ("2025 by procedure, half-month rows", "stat_flows", "slice"),
            ("2025 by procedure, month rows", "stat_flows_monthly", "month"),
            ("2025 by procedure, year rows", "stat_flows_yearly", "year"),
        };
        foreach (var (name, table, column) in statements)
        {
            await using var cmd = dataSource.CreateCommand($"""
                EXPLAIN (ANALYZE, BUFFERS) SELECT procedure_id, {sums} FROM procedures.{table}
                WHERE unit_id = ANY({units}) AND official = '*' AND procedure_id <> '00000000-0000-0000-0000-000000000000'
                  AND {column} >= '2025-01-01' AND {column} < '2026-01-01' GROUP BY 1
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = root });
            await using var reader = await cmd.ExecuteReaderAsync();
            var plan = new List<string>();
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
            Console.WriteLine($"explain: {name}:\n  " + string.Join("\n  ", plan));
        }
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
