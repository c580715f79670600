using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Statistics;

/// <summary>The citizens' ratings of the dossiers settled by a unit's subtree, rated on the days <paramref name="From"/>–<paramref name="To"/>.</summary>
public sealed record GetRatingResults(Guid UnitId, DateOnly From, DateOnly To);

/// <summary>A grade band: totals from <paramref name="AtLeast"/> (inclusive) up to the next band.</summary>
public sealed record GradeBand(RatingGrade Grade, string NameVi, string NameEn, decimal AtLeast);

public sealed record RatingResults(Guid UnitId, string UnitCode, string UnitName, DateOnly From, DateOnly To, RatingSummary Summary,
    IReadOnlyList<GradeBand> Bands);

public sealed class RatingResultsQuery(ProceduresDb db, ICitizenRatings ratings, ServiceIndexSettings settings, TimeProvider clock)
{
    public async Task<DomainResult<RatingResults>> HandleAsync(Actor actor, GetRatingResults request, CancellationToken ct = default)
    {
        if (StatisticsScope.CheckPeriod(request.From, request.To, clock.Today()) is { } badPeriod) return badPeriod;
        var resolved = await StatisticsScope.ResolveAsync(db, actor, request.UnitId, null, null, null, ct);
        if (resolved.Error is { } denied) return denied;
        var scope = resolved.Value!;
        var rated = await ratings.ListAsync(scope.Units.Select(u => u.Id).ToList(), Slices.Start(request.From), Slices.Start(request.To.AddDays(1)), ct);
        var b = settings.RatingBands;
        return new RatingResults(scope.Root.Id, scope.Root.Code, scope.Root.Name, request.From, request.To, RatingSummary.Of(rated, b),
        [
            new(RatingGrade.Excellent, RatingBands.Vietnamese(RatingGrade.Excellent), "Excellent", b.Excellent),
            new(RatingGrade.Good, RatingBands.Vietnamese(RatingGrade.Good), "Good", b.Good),
            new(RatingGrade.Fair, RatingBands.Vietnamese(RatingGrade.Fair), "Fair", b.Fair),
            new(RatingGrade.Average, RatingBands.Vietnamese(RatingGrade.Average), "Average", b.Average),
            new(RatingGrade.Weak, RatingBands.Vietnamese(RatingGrade.Weak), "Weak", 0),
        ]);
    }
}
