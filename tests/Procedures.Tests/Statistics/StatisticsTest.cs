using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Statistics;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Statistics;

/// <summary>The known dossiers, the clock on Wed 20 May 2026 10:00 and the summaries rebuilt from them.</summary>
public abstract class StatisticsTest : ProceduresTest
{
    protected StatisticsOrg Org { get; private set; } = null!;
    protected Dictionary<string, Guid> Dossiers { get; private set; } = null!;

    [SetUp]
    public async Task SeedKnownDossiers()
    {
        Org = await StatisticsOrg.SeedAsync(Db);
        Dossiers = await KnownDossiers.SeedAsync(Db, Org);
        Clock.Set(KnownDossiers.Vn(5, 20, 10));
        await Refresher.RebuildStatisticsAsync();
    }

    protected StatisticsRefresher Refresher => Scoped.GetRequiredService<StatisticsRefresher>();

    protected async Task<StatisticsReport> Statistics(GetStatistics request, Procedures.Organisation.Actor? actor = null)
    {
        await using var scope = NewScope();
        return (await scope.ServiceProvider.GetRequiredService<StatisticsQuery>().HandleAsync(actor ?? Org.ProvinceLeader, request)).Ok();
    }

    protected Task<StatisticsReport> Period(StatisticsGrouping groupBy = StatisticsGrouping.ChildUnit) =>
        Statistics(new GetStatistics(Org.Province, KnownDossiers.From, KnownDossiers.To, groupBy));

    protected async Task<DrillDownPage> Drill(DrillDown request)
    {
        await using var scope = NewScope();
        return (await scope.ServiceProvider.GetRequiredService<StatisticsDrillDownQuery>().HandleAsync(Org.ProvinceLeader, request)).Ok();
    }

    protected StatisticsRow Row(StatisticsReport report, Guid key) => report.Rows.Single(r => r.Key == key.ToString());

    protected async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    protected async Task<T> Scalar<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Odd periods in the past: across the holidays, inside one half-month, over a year end.</summary>
    protected static readonly (DateOnly From, DateOnly To)[] PastPeriods =
    [
        (new(2026, 4, 2), new(2026, 5, 18)),
        (new(2026, 4, 21), new(2026, 5, 6)),
        (new(2026, 4, 24), new(2026, 4, 30)),
        (new(2025, 12, 20), new(2026, 4, 25)),
    ];

    /// <summary>Every figure of every past period by every grouping, unfiltered and for one procedure and one official, as one comparable list.</summary>
    protected async Task<List<(string Rows, StatisticsFigures Total)>> ReportsAsync(bool forceFacts = false)
    {
        var query = Scoped.GetRequiredService<StatisticsQuery>();
        var reports = new List<(string, StatisticsFigures)>();
        foreach (var (procedure, official) in new (Guid?, string?)[] { (null, null), (Org.FiveDay, null), (null, StatisticsOrg.SpecialistA) })
        {
            var scope = (await StatisticsScope.ResolveAsync(Db, Org.ProvinceLeader, Org.Province, procedure, null, official, default)).Value!;
            foreach (var (from, to) in PastPeriods)
                foreach (var grouping in Enum.GetValues<StatisticsGrouping>())
                {
                    var report = await query.ComputeAsync(scope, from, to, grouping, default, forceFacts);
                    reports.Add((string.Join("\n", report.Rows.Select(r => $"{r.Key} {r.Figures}")), report.Total));
                }
        }
        return reports;
    }
}
