using Microsoft.Extensions.DependencyInjection;
using Procedures.Statistics;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Statistics;

/// <summary>The Decision 766 criteria on the known dossiers, and the grade bands of the citizens' ratings.</summary>
public sealed class ServiceIndexTests : StatisticsTest
{
    private readonly InMemoryRatings _ratings = new();

    protected override void Configure(IServiceCollection services) => services.AddSingleton<ICitizenRatings>(_ratings);

    [Test]
    public async Task Each_criterion_is_its_rate_against_the_target_times_the_weight()
    {
        _ratings.Add(Dossiers["d1"], Org.CommuneA, KnownDossiers.Vn(4, 22), 2, 2, 2, 2, 2, 2, 2, 2, 2); // 18
        _ratings.Add(Dossiers["d2"], Org.CommuneA, KnownDossiers.Vn(5, 7), 2, 2, 2, 2, 2, 2, 2, 1, 1);  // 16
        _ratings.Add(Dossiers["d5"], Org.CommuneB, KnownDossiers.Vn(5, 12), 2, 2, 2, 1, 1, 1, 1, 1, 1); // 12
        _ratings.Add(Dossiers["d13"], Org.Province, KnownDossiers.Vn(5, 8), 1, 1, 1, 1, 1, 1, 1, 1, 1); // 9
        _ratings.Add(Dossiers["d12"], Org.SectionA1, KnownDossiers.Vn(5, 14), 1, 1, 1, 1, 1, 0, 0, 0, 0); // 5
        _ratings.Add(Dossiers["d6"], Org.CommuneB, KnownDossiers.Vn(4, 10), 2, 2, 2, 2, 2, 2, 2, 2, 2);  // before the period
        _ratings.Add(Dossiers["d3"], Org.CommuneA, KnownDossiers.Vn(4, 29), 3, 2, 2, 2, 2, 2, 2, 2, 2);  // 3 points: rejected

        var index = await Index();
        var c = index.Criteria.ToDictionary(x => x.Code);
        (c["transparency"].Rate, c["transparency"].Points, c["transparency"].Data).ShouldBe((1m, 18m, CriterionData.Proxy));
        (c["progress"].Rate, c["progress"].Points, c["progress"].Data).ShouldBe((0.6m, 12m, CriterionData.Measured));
        (c["onlineService"].Rate, c["onlineService"].Points).ShouldBe((0.3333m, 8m));       // 4 / 12 against 0.5 × 12
        (c["onlinePayment"].Rate, c["onlinePayment"].Points, c["onlinePayment"].Data).ShouldBe((0.3333m, 10m, CriterionData.Proxy)); // 1 / 3 ≥ 0.3
        (c["digitisation"].Rate, c["digitisation"].Points).ShouldBe((0.0833m, 1.83m));      // 1 / 12 × 22
        (c["satisfaction"].Rate, c["satisfaction"].Points).ShouldBe((0.6667m, 13.33m));     // 12 / 18 against 0.9 × 18
        c["progress"].Inputs.Single(i => i.Name == "judged").Value.ShouldBe(10);
        index.Total.ShouldBe(63.16m);
        index.MaxMeasured.ShouldBe(100);
        index.Criteria.Sum(x => x.Weight).ShouldBe(100);

        var r = index.Ratings;
        (r.Count, r.AverageTotal, r.Grade, r.Rejected).ShouldBe((5, 12m, RatingGrade.Good, 1));
        r.ByGrade.ShouldBe(new Dictionary<RatingGrade, int>
        {
            [RatingGrade.Excellent] = 2, [RatingGrade.Good] = 1, [RatingGrade.Fair] = 1, [RatingGrade.Average] = 0, [RatingGrade.Weak] = 1,
        });
        r.IndicatorAverages[0].ShouldBe(1.6m);
        r.IndicatorAverages[8].ShouldBe(1.0m);
    }

    [Test]
    public async Task Without_ratings_satisfaction_has_no_data_and_the_total_is_out_of_the_rest()
    {
        var index = await Index();
        var satisfaction = index.Criteria.Single(x => x.Code == "satisfaction");
        (satisfaction.Data, satisfaction.Points, satisfaction.Rate).ShouldBe((CriterionData.NoData, 0m, null));
        index.MaxMeasured.ShouldBe(82);
        index.Ratings.Grade.ShouldBeNull();
    }

    [TestCase(18, RatingGrade.Excellent)]
    [TestCase(15, RatingGrade.Excellent)]
    [TestCase(14.99, RatingGrade.Good)]
    [TestCase(12, RatingGrade.Good)]
    [TestCase(11.5, RatingGrade.Fair)]
    [TestCase(9, RatingGrade.Fair)]
    [TestCase(8.99, RatingGrade.Average)]
    [TestCase(6, RatingGrade.Average)]
    [TestCase(5.99, RatingGrade.Weak)]
    [TestCase(0, RatingGrade.Weak)]
    public void The_grade_bands_are_inclusive_at_their_lower_bound(decimal total, RatingGrade grade) =>
        new RatingBands().Of(total).ShouldBe(grade);

    private async Task<ServiceIndexReport> Index()
    {
        await using var scope = NewScope();
        return (await scope.ServiceProvider.GetRequiredService<ServiceIndexQuery>()
            .HandleAsync(Org.ProvinceLeader, new GetServiceIndex(Org.Province, KnownDossiers.From, KnownDossiers.To))).Ok();
    }

    private sealed class InMemoryRatings : ICitizenRatings
    {
        private readonly List<CitizenRating> _all = [];

        public void Add(Guid dossier, Guid unit, DateTimeOffset at, params int[] points) => _all.Add(new CitizenRating(dossier, unit, at, points));

        public Task<IReadOnlyList<CitizenRating>> ListAsync(IReadOnlyCollection<Guid> unitIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<CitizenRating>>(_all.Where(r => unitIds.Contains(r.UnitId) && r.RatedAt >= from && r.RatedAt < to).ToList());
    }
}
