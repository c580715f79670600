using Microsoft.Extensions.DependencyInjection;
using Procedures.Citizens;
using Procedures.Common;
using Procedures.Statistics;
using Procedures.Tests.Dossiers;
using Rating = Procedures.Citizens.Rating;
using StatisticsGrade = Procedures.Statistics.RatingGrade;

namespace Procedures.Tests.Statistics;

/// <summary>The statistics read the ratings citizens stored (table <c>ratings</c>), by the unit that settled the dossier.</summary>
public sealed class StoredRatingsTests : StatisticsTest
{
    [Test]
    public async Task Rating_results_count_the_stored_ratings_of_the_subtree_in_the_period_with_their_bands()
    {
        await RateAsync("d1", Org.CommuneA, KnownDossiers.Vn(4, 22), 2, 2, 2, 2, 2, 2, 2, 2, 2); // 18
        await RateAsync("d2", Org.CommuneA, KnownDossiers.Vn(5, 7), 2, 2, 2, 2, 2, 2, 2, 1, 1);  // 16
        await RateAsync("d12", Org.SectionA1, KnownDossiers.Vn(5, 14, 23), 1, 1, 1, 1, 1, 0, 0, 0, 0); // 5, last evening of the period
        await RateAsync("d5", Org.CommuneB, KnownDossiers.Vn(5, 12), 2, 2, 2, 1, 1, 1, 1, 1, 1); // 12, other commune
        await RateAsync("d6", Org.CommuneA, KnownDossiers.Vn(5, 15), 2, 2, 2, 2, 2, 2, 2, 2, 2); // the day after the period

        var results = await ResultsAsync(Org.CommuneA);
        var s = results.Summary;
        (s.Count, s.AverageTotal, s.Grade, s.Rejected).ShouldBe((3, 13m, StatisticsGrade.Good, 0)); // (18 + 16 + 5) / 3
        s.ByGrade[StatisticsGrade.Excellent].ShouldBe(2);
        s.ByGrade[StatisticsGrade.Weak].ShouldBe(1);
        s.IndicatorAverages[8].ShouldBe(1m); // (2 + 1 + 0) / 3
        results.Bands.Select(b => (b.Grade, b.AtLeast)).ShouldBe([(StatisticsGrade.Excellent, 15m), (StatisticsGrade.Good, 12m),
            (StatisticsGrade.Fair, 9m), (StatisticsGrade.Average, 6m), (StatisticsGrade.Weak, 0m)]);
        results.Bands[0].NameVi.ShouldBe("Xuất sắc");

        var province = await ResultsAsync(Org.Province);
        (province.Summary.Count, province.Summary.AverageTotal).ShouldBe((4, 12.75m)); // (18 + 16 + 5 + 12) / 4

        await using var scope = NewScope();
        var index = (await scope.ServiceProvider.GetRequiredService<ServiceIndexQuery>()
            .HandleAsync(Org.ProvinceLeader, new GetServiceIndex(Org.Province, KnownDossiers.From, KnownDossiers.To))).Ok();
        var satisfaction = index.Criteria.Single(c => c.Code == "satisfaction");
        (satisfaction.Data, satisfaction.Rate).ShouldBe((CriterionData.Measured, 0.7083m)); // 12.75 / 18
    }

    [Test]
    public async Task An_official_of_the_other_commune_does_not_find_the_ratings()
    {
        await using var scope = NewScope();
        var result = await scope.ServiceProvider.GetRequiredService<RatingResultsQuery>()
            .HandleAsync(Org.ActorFor(Org.CommuneB), new GetRatingResults(Org.CommuneA, KnownDossiers.From, KnownDossiers.To));
        result.Fails(ErrorKind.NotFound, "unitId");
    }

    private async Task<RatingResults> ResultsAsync(Guid unit)
    {
        await using var scope = NewScope();
        return (await scope.ServiceProvider.GetRequiredService<RatingResultsQuery>()
            .HandleAsync(Org.ProvinceLeader, new GetRatingResults(unit, KnownDossiers.From, KnownDossiers.To))).Ok();
    }

    private async Task RateAsync(string dossier, Guid unit, DateTimeOffset at, params int[] scores)
    {
        var d = Db.Dossiers.Single(x => x.Id == Dossiers[dossier]);
        Db.Ratings.Add(new Rating
        {
            Id = Guid.NewGuid(), DossierId = d.Id, CitizenAccountId = Guid.NewGuid(), ProcedureId = d.ProcedureId, ProcessingUnitId = unit,
            ReceivingUnitId = d.ReceivingUnitId, Scores = [.. scores], Total = scores.Sum(), Grade = RatingIndicators.Grade(scores.Sum()), RatedAt = at,
        });
        await Db.SaveChangesAsync();
    }
}
