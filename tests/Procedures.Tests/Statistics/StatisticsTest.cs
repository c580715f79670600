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
}
